package io.github.exchangeblocks.engine.venue;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the venue's snapshot format: {@code golden/venue-snapshot-v2.bin} is the snapshot of a venue driven by 300
 * seeded random commands (accounts, positions, working orders, market data, two trading days), and
 * {@code golden/venue-snapshot-v1.bin} was, before market data kept each tick's top of book. The files are never
 * rewritten: a layout change gets a new version and a new file, and the old ones must still restore to their
 * pinned state hashes.
 */
class VenueSnapshotGoldenTest {
    static final String GOLDEN = "/golden/venue-snapshot-v2.bin";
    static final long GOLDEN_STATE_HASH = 0x9DE1B09ACDD51F66L;
    static final String GOLDEN_V1 = "/golden/venue-snapshot-v1.bin";
    /** The v1 file's hash, pinned at its release (its ticks have no top of book and hash as they did then). */
    static final long GOLDEN_V1_STATE_HASH = 0x1C66BFB4BA4FCEFBL;

    static Venue scripted() {
        Venue venue = VenueDriver.newVenue(VenueListener.NO_OP);
        List<int[]> commands = VenueDriver.commands(20261207, 300);
        for (int step = 0; step < commands.size(); step++) {
            VenueDriver.apply(venue, step, commands.get(step));
        }
        return venue;
    }

    static byte[] golden() throws Exception {
        return golden(GOLDEN);
    }

    static byte[] golden(String name) throws Exception {
        try (InputStream in = VenueSnapshotGoldenTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void shouldRestoreTheVersion1GoldenSnapshotToItsPinnedHash() throws Exception {
        Venue restored = Venue.restore(VenueSettings.builder().build(), golden(GOLDEN_V1), VenueListener.NO_OP);
        assertThat(restored.stateHash()).isEqualTo(GOLDEN_V1_STATE_HASH);
        Venue again = Venue.restore(VenueSettings.builder().build(), restored.writeSnapshot(), VenueListener.NO_OP);
        assertThat(again.stateHash()).isEqualTo(GOLDEN_V1_STATE_HASH);
    }

    @Test
    void shouldRestoreTheGoldenSnapshotToItsPinnedHashAndWriteTheSameBytesWhenVersion2() throws Exception {
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
