package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuctionMinimumsTest {

    @Test
    void shouldReadZeroForAHandleItNeverSawAndForgetEverythingWhenCleared() {
        AuctionMinimums minimums = new AuctionMinimums();
        minimums.set(3, 4);
        minimums.set(1_000, 6);
        minimums.set(5_000, 0);

        assertThat(minimums.of(3)).isEqualTo(4);
        assertThat(minimums.of(1_000)).isEqualTo(6);
        assertThat(minimums.of(5_000)).isZero();
        assertThat(minimums.of(7)).isZero();
        minimums.clear();
        assertThat(minimums.of(3)).isZero();
        assertThat(minimums.of(1_000)).isZero();
    }
}
