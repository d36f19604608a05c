package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the venue's snapshot formats. {@code golden/venue-snapshot-v1.bin} is the version 1 snapshot of a venue
 * driven by 300 seeded random commands (accounts, positions, working orders, market data, two trading days), written
 * before market data kept each tick's top of book; it must still restore to its pinned state hash.
 * {@code golden/venue-snapshot-v2.bin} is the version 2 snapshot of the same venue after two rate updates (new
 * commissions in force, margin rates scheduled for the settlement), its market-data blocks in their version 2
 * (ticks with their top of book), written byte for byte by today's code. Files are never rewritten once released:
 * a layout change gets a new version and a new file.
 */
class VenueSnapshotGoldenTest {
    static final String GOLDEN = "/golden/venue-snapshot-v1.bin";
    /** The v1 file's hash, pinned at its release (its ticks have no top of book and hash as they did then). */
    static final long GOLDEN_STATE_HASH = 0x1C66BFB4BA4FCEFBL;
    /** The scripted venue's hash today (its ticks keep their top of book). */
    static final long SCRIPTED_STATE_HASH = 0x9DE1B09ACDD51F66L;
    static final String GOLDEN_V2 = "/golden/venue-snapshot-v2.bin";

    static Venue scripted() {
        Venue venue = VenueDriver.newVenue(VenueListener.NO_OP);
        List<int[]> commands = VenueDriver.commands(20261207, 300);
        for (int step = 0; step < commands.size(); step++) {
            VenueDriver.apply(venue, step, commands.get(step));
        }
        return venue;
    }

    /** The scripted venue after a commission update of copper and margin rates scheduled for the index. */
    static Venue scriptedWithRateUpdates() {
        Venue venue = scripted();
        assertThat(venue.updateRates(400_000, 0, InstrumentRegistry.KEEP_RATE, InstrumentRegistry.KEEP_RATE,
                CommissionRate.perLot(450), CommissionRate.perLot(150), null)).isTrue();
        assertThat(venue.updateRates(401_000, 1, 15_000_000, 16_000_000, null, null, null)).isTrue();
        return venue;
    }

    static byte[] golden() throws Exception {
        return resource(GOLDEN);
    }

    static byte[] resource(String name) throws Exception {
        try (InputStream in = VenueSnapshotGoldenTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void shouldRestoreTheVersion1GoldenSnapshotToItsPinnedHash() throws Exception {
        Venue restored = Venue.restore(VenueSettings.builder().build(), golden(), VenueListener.NO_OP);
        assertThat(restored.stateHash()).isEqualTo(GOLDEN_STATE_HASH);
        assertThat(Venue.restore(VenueSettings.builder().build(), restored.writeSnapshot(), VenueListener.NO_OP)
                .stateHash()).as("the v1 venue through a version 2 snapshot").isEqualTo(GOLDEN_STATE_HASH);
        Venue venue = scripted();
        assertThat(venue.stateHash()).isEqualTo(SCRIPTED_STATE_HASH);
        assertThat(venue.flow.orders()).isNotEmpty();
        assertThat(Venue.restore(VenueSettings.builder().build(), venue.writeSnapshot(), VenueListener.NO_OP)
                .stateHash()).as("the same venue through a version 2 snapshot").isEqualTo(SCRIPTED_STATE_HASH);
    }

    @Test
    void shouldWriteExactlyTheVersion2GoldenBytesAndRestoreThemWithTheirRates() throws Exception {
        byte[] golden = resource(GOLDEN_V2);
        Venue venue = scriptedWithRateUpdates();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "venue-snapshot-v2.actual.bin"),
                venue.writeSnapshot());
        assertThat(Arrays.equals(venue.writeSnapshot(), golden)).as("snapshot bytes equal " + GOLDEN_V2).isTrue();
        Venue restored = Venue.restore(VenueSettings.builder().build(), golden, VenueListener.NO_OP);
        assertThat(restored.stateHash()).isEqualTo(venue.stateHash()).isNotEqualTo(SCRIPTED_STATE_HASH);
        assertThat(restored.registry().get(0).spec().openCommission()).isEqualTo(CommissionRate.perLot(450));
        assertThat(restored.registry().get(1).pendingShortMarginRateE8()).isEqualTo(16_000_000);
        assertThat(restored.registry().get(1).marginRatesPending()).isTrue();
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
