package io.github.exchangeblocks.examples.cluster;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.examples.exchange.CommandSource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Collects acknowledgements by correlation id, counting how many each got. */
final class Acks implements CommandSource {
    /** One acknowledgement: the log position, the reject code ({@code null} if accepted), the message. */
    record Ack(long logPosition, RejectCode code, String message) {
    }

    final Map<Long, Ack> byId = new ConcurrentHashMap<>();
    final Map<Long, Integer> counts = new ConcurrentHashMap<>();

    @Override
    public void onResult(long correlationId, long sequence, RejectCode code, CharSequence message) {
        byId.put(correlationId, new Ack(sequence, code, message.toString()));
        counts.merge(correlationId, 1, Integer::sum);
    }

    /** Waits until {@code count} distinct ids are acknowledged; false on timeout. */
    boolean await(int count, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (byId.size() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
