package io.github.exchangeblocks.examples.exchange;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chunked list holds and gives back what an {@code ArrayList} does, across many chunks and after clearing. */
class ChunkedListTest {

    @Test
    void holdsWhatAnArrayListHoldsAcrossChunks() {
        ChunkedList<Integer> list = new ChunkedList<>();
        List<Integer> oracle = new ArrayList<>();
        int count = ChunkedList.CHUNK * 37 + 5;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < count; i++) {
                assertThat(list.add(i * 3 + round)).isTrue();
                oracle.add(i * 3 + round);
            }
            assertThat(list).hasSize(count).isEqualTo(oracle);
            assertThat(list.get(ChunkedList.CHUNK - 1)).isEqualTo(oracle.get(ChunkedList.CHUNK - 1));
            assertThat(list.get(ChunkedList.CHUNK)).isEqualTo(oracle.get(ChunkedList.CHUNK));
            assertThat(list.get(count - 1)).isEqualTo(oracle.get(count - 1));
            List<Integer> iterated = new ArrayList<>();
            list.forEach(iterated::add);
            assertThat(iterated).isEqualTo(oracle);
            list.clear();
            oracle.clear();
            assertThat(list).isEmpty();
        }
    }

    @Test
    void anIndexOutsideIsRefusedByName() {
        ChunkedList<String> list = new ChunkedList<>();
        assertThatThrownBy(() -> list.get(0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index=0 must be in [0, 0)");
        list.add("a");
        assertThat(list.get(0)).isEqualTo("a");
        assertThatThrownBy(() -> list.get(1)).hasMessage("index=1 must be in [0, 1)");
        assertThatThrownBy(() -> list.get(-1)).hasMessage("index=-1 must be in [0, 1)");
    }
}
