package io.github.exchangeblocks.examples.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What a replica reports about itself in a small properties file beside its directories, so an operator or a test
 * in another process can compare replicas: after catch-up, equal {@code logPosition}s must come with equal
 * {@code stateHash}es.
 *
 * @param memberId     the cluster member
 * @param role         FOLLOWER, CANDIDATE or LEADER
 * @param logPosition  the log position of the last entry the replica applied
 * @param commands     client commands applied (resends not counted)
 * @param duplicates   resent commands skipped
 * @param stateHash    the exchange state's hash at log position {@code stateHashAt}
 * @param stateHashAt  where the hash was taken (it is taken when the log is quiet), -1 if not yet
 * @param snapshotLoadedAt the log position of the snapshot it started from, -1 if it started from an empty log
 * @param snapshotsTaken   snapshots this replica wrote since it started
 */
public record NodeStatus(int memberId, String role, long logPosition, long commands, long duplicates, long stateHash,
                         long stateHashAt, long snapshotLoadedAt, long snapshotsTaken) {

    /** Writes the status to {@code file} atomically (a reader sees the old or the new one, whole). */
    void write(Path file) {
        Properties p = new Properties();
        p.setProperty("memberId", Integer.toString(memberId));
        p.setProperty("role", role);
        p.setProperty("logPosition", Long.toString(logPosition));
        p.setProperty("commands", Long.toString(commands));
        p.setProperty("duplicates", Long.toString(duplicates));
        p.setProperty("stateHash", Long.toString(stateHash));
        p.setProperty("stateHashAt", Long.toString(stateHashAt));
        p.setProperty("snapshotLoadedAt", Long.toString(snapshotLoadedAt));
        p.setProperty("snapshotsTaken", Long.toString(snapshotsTaken));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file, e);
        }
    }

    /**
     * Reads a status file.
     *
     * @return the status, or {@code null} if the file does not exist yet
     * @throws UncheckedIOException if it cannot be read
     * @throws IllegalArgumentException if a field is missing or not a number
     */
    public static NodeStatus read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Properties p = new Properties();
        try (Reader in = new StringReader(text)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NodeStatus(Integer.parseInt(field(p, "memberId")), field(p, "role"),
                Long.parseLong(field(p, "logPosition")), Long.parseLong(field(p, "commands")),
                Long.parseLong(field(p, "duplicates")), Long.parseLong(field(p, "stateHash")),
                Long.parseLong(field(p, "stateHashAt")), Long.parseLong(field(p, "snapshotLoadedAt")),
                Long.parseLong(field(p, "snapshotsTaken")));
    }

    private static String field(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("status field " + name + " is missing");
        }
        return value;
    }
}
