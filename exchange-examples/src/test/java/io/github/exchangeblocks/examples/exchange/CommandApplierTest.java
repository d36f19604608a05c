package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Deposit;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.RegisterUser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandApplierTest {

    /** Records acknowledgements and batch ends in one ordered log. */
    static final class Log implements CommandSource, ExchangeListener {
        final List<String> entries = new ArrayList<>();

        @Override
        public void onResult(long correlationId, long sequence, RejectCode code, CharSequence message) {
            entries.add(correlationId + ":" + sequence + ":" + (code == null ? "OK" : code.name()));
        }

        @Override
        public void onBatchEnd() {
            entries.add("end");
        }
    }

    @Test
    void shouldApplyAndAcknowledgeOnlyTheWaitingCommandsAForceCovered() {
        Log log = new Log();
        ExchangeState state = new ExchangeState(VenueSettings.builder().build(), 20261207, log);
        CommandApplier applier = new CommandApplier(state, log, 4, 10);
        applier.sequenced(11, 1, new RegisterUser("alice"), log, 1);
        applier.sequenced(12, 2, new Deposit("alice", 500), log, 2);
        applier.sequenced(13, 3, new Deposit("nobody", 500), log, 3);

        applier.durableUpTo(10);
        assertThat(log.entries).as("nothing durable yet: nothing applied, no batch end").isEmpty();
        assertThat(applier.appliedSequence()).isEqualTo(10);

        applier.durableUpTo(12);
        assertThat(log.entries).containsExactly("1:11:OK", "2:12:OK", "end");
        assertThat(applier.appliedSequence()).isEqualTo(12);
        assertThat(applier.pending()).isEqualTo(1);
        assertThat(applier.firstPendingSequence()).isEqualTo(13);
        assertThat(applier.lastPendingSequence()).isEqualTo(13);

        applier.sequenced(14, 4, new Deposit("alice", 1), log, 4);
        assertThat(applier.firstPendingSequence()).isEqualTo(13);
        assertThat(applier.lastPendingSequence()).isEqualTo(14);
        applier.durable();
        assertThat(log.entries).containsExactly("1:11:OK", "2:12:OK", "end", "3:13:EXCHANGE_UNKNOWN_USER", "4:14:OK",
                "end");
        assertThat(applier.pending()).isZero();
        assertThat(applier.appliedSequence()).isEqualTo(14);
    }
}
