package io.github.exchangeblocks.examples.cluster;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a network does to a gateway's stream (losing messages, repeating them, resending windows from any
 * point), the sequences that are admitted are exactly 1, 2, 3, ... once each and in order, and two clients do not
 * affect each other.
 */
class ClientSequencesProperties {

    @Property(tries = 300)
    void shouldAdmitEachSequenceOnceAndInOrderWhateverArrives(
            @ForAll @Size(max = 200) List<@IntRange(min = 1, max = 40) Integer> arrivals,
            @ForAll @IntRange(min = -3, max = 3) long otherClient) {
        ClientSequences sequences = new ClientSequences();
        List<Long> admitted = new ArrayList<>();
        for (int arrival : arrivals) {
            byte outcome = sequences.admit(11, arrival);
            long highestBefore = admitted.size();
            if (arrival <= highestBefore) {
                assertThat(outcome).isEqualTo(ClusterMessages.DUPLICATE);
            } else if (arrival == highestBefore + 1) {
                assertThat(outcome).isEqualTo(ClusterMessages.APPLIED);
                admitted.add((long) arrival);
            } else {
                assertThat(outcome).isEqualTo(ClusterMessages.OUT_OF_ORDER);
            }
            assertThat(sequences.highest(11)).isEqualTo(admitted.size());
        }
        for (int i = 0; i < admitted.size(); i++) {
            assertThat(admitted.get(i)).isEqualTo(i + 1L);
        }
        if (otherClient != 11) {
            assertThat(sequences.highest(otherClient)).isZero();
            assertThat(sequences.admit(otherClient, 1)).isEqualTo(ClusterMessages.APPLIED);
        }
    }
}
