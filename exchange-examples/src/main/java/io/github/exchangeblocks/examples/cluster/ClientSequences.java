package io.github.exchangeblocks.examples.cluster;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Idempotency for resent commands: the highest sequence applied for each client id. A gateway numbers its
 * commands 1, 2, 3, ... and, after a leader change, resends those it has no acknowledgement for, in order. Only a
 * client's next sequence is applied: one not above the highest was applied before and is skipped, one beyond the
 * next means that commands before it were lost with the old leader, and it waits for their resend. So each command
 * is applied exactly once and in the client's order.
 * Part of the replicated state: every replica updates it in log order and it is in the cluster snapshot.
 * Not thread-safe (the service thread).
 */
final class ClientSequences {
    private final Long2LongOpenHashMap highest = new Long2LongOpenHashMap();

    /**
     * Admits a command's sequence if it is the client's next one.
     *
     * @return {@link ClusterMessages#APPLIED} if it is the next (apply it; it is recorded),
     *         {@link ClusterMessages#DUPLICATE} if it was applied before, {@link ClusterMessages#OUT_OF_ORDER} if
     *         earlier ones are missing (a command lost on its way to a leader that has since been replaced)
     */
    byte admit(long clientId, long sequence) {
        long last = highest.get(clientId);
        if (sequence <= last) {
            return ClusterMessages.DUPLICATE;
        }
        if (sequence != last + 1) {
            return ClusterMessages.OUT_OF_ORDER;
        }
        highest.put(clientId, sequence);
        return ClusterMessages.APPLIED;
    }

    /** @return the client's highest applied sequence, 0 if none */
    long highest(long clientId) {
        return highest.get(clientId);
    }

    /** Writes the table in client id order (so equal tables give equal bytes). */
    void write(DataOutputStream out) throws IOException {
        long[] clients = highest.keySet().toLongArray();
        Arrays.sort(clients);
        out.writeInt(clients.length);
        for (long client : clients) {
            out.writeLong(client);
            out.writeLong(highest.get(client));
        }
    }

    /** Replaces the table with one written by {@link #write}. */
    void read(DataInputStream in) throws IOException {
        highest.clear();
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("client count=" + count + " must be >= 0");
        }
        for (int i = 0; i < count; i++) {
            highest.put(in.readLong(), in.readLong());
        }
    }
}
