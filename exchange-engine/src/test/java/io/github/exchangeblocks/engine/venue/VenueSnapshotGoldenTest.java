package io.github.exchangeblocks.engine.venue;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the venue's snapshot format, version 1: {@code golden/venue-snapshot-v1.bin} is the snapshot of a venue
 * driven by 300 seeded random commands (accounts, positions, working orders, market data, two trading days). The
 * file is never rewritten: a layout change gets a new version and a new file, and this one must still restore to
 * the pinned state hash.
 */
class VenueSnapshotGoldenTest {
    static final String GOLDEN = "/golden/venue-snapshot-v1.bin";
    static final long GOLDEN_STATE_HASH = 0x1C66BFB4BA4FCEFBL;

    static Venue scripted() {
        Venue venue = VenueDriver.newVenue(VenueListener.NO_OP);
        List<int[]> commands = VenueDriver.commands(20261207, 300);
        for (int step = 0; step < commands.size(); step++) {
            VenueDriver.apply(venue, step, commands.get(step));
        }
        return venue;
    }

    static byte[] golden() throws Exception {
        try (InputStream in = VenueSnapshotGoldenTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as(GOLDEN).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void shouldRestoreTheGoldenSnapshotToItsPinnedHashAndWriteTheSameBytesWhenVersion1() throws Exception {
        byte[] golden = golden();
        Venue restored = Venue.restore(VenueSettings.builder().build(), golden, VenueListener.NO_OP);
        assertThat(restored.stateHash()).isEqualTo(GOLDEN_STATE_HASH);
        Venue venue = scripted();
        assertThat(venue.stateHash()).isEqualTo(GOLDEN_STATE_HASH);
        assertThat(Arrays.equals(venue.writeSnapshot(), golden)).as("snapshot bytes equal " + GOLDEN).isTrue();
        assertThat(venue.flow.orders()).isNotEmpty();
    }

    @Test
    void shouldRefuseABadMagicOrATruncatedSnapshotWithAMessage() throws Exception {
        byte[] golden = golden();
        byte[] badMagic = golden.clone();
        badMagic[0] ^= 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Venue.restore(VenueSettings.builder().build(), badMagic, VenueListener.NO_OP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("venue snapshot magic=");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Venue.restore(VenueSettings.builder().build(),
                Arrays.copyOf(golden, golden.length / 2), VenueListener.NO_OP))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
