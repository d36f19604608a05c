package io.github.exchangeblocks.examples.cluster;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppliedCommandRingTest {

    private static byte[] message(long sequence, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) sequence);
        return bytes;
    }

    @Test
    void shouldCoverEverythingAfterTheStartWhenNothingWasDropped() {
        AppliedCommandRing ring = new AppliedCommandRing(4, 10);
        assertThat(ring.covers(10)).as("nothing after 10 yet").isTrue();
        assertThat(ring.covers(9)).as("11 would be needed and was applied before the ring").isFalse();
        ring.append(11, message(11, 5), 5);
        ring.append(12, message(12, 3), 3);
        assertThat(ring.oldest()).isEqualTo(11);
        assertThat(ring.newest()).isEqualTo(12);
        assertThat(ring.covers(10)).isTrue();
        assertThat(ring.covers(12)).isTrue();
        assertThat(ring.covers(13)).as("a sequence not applied yet").isFalse();
        assertThat(Arrays.copyOf(ring.message(11), ring.length(11))).isEqualTo(message(11, 5));
        assertThat(Arrays.copyOf(ring.message(12), ring.length(12))).isEqualTo(message(12, 3));
    }

    @Test
    void shouldDropTheOldestWhenFullAndKeepEachMessageWhole() {
        AppliedCommandRing ring = new AppliedCommandRing(3, 0);
        for (long sequence = 1; sequence <= 7; sequence++) {
            int length = (int) (sequence * 40);
            ring.append(sequence, message(sequence, length), length);
        }
        assertThat(ring.oldest()).isEqualTo(5);
        assertThat(ring.newest()).isEqualTo(7);
        assertThat(ring.covers(4)).isTrue();
        assertThat(ring.covers(3)).as("4 fell out").isFalse();
        for (long sequence = 5; sequence <= 7; sequence++) {
            assertThat(ring.length(sequence)).isEqualTo((int) (sequence * 40));
            assertThat(Arrays.copyOf(ring.message(sequence), ring.length(sequence)))
                    .isEqualTo(message(sequence, (int) (sequence * 40)));
        }
        assertThatThrownBy(() -> ring.message(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sequence=4 must be in 5..7");
    }

    @Test
    void shouldRefuseASequenceThatIsNotTheNext() {
        AppliedCommandRing ring = new AppliedCommandRing(3, 5);
        assertThatThrownBy(() -> ring.append(7, new byte[1], 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sequence=7 must be 6");
        assertThat(ring.newest()).isEqualTo(5);
        assertThatThrownBy(() -> new AppliedCommandRing(0, 0)).hasMessageContaining("capacity=0 must be >= 1");
    }
}
