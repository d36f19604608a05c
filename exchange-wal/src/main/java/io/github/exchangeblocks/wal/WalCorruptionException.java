package io.github.exchangeblocks.wal;

import java.nio.file.Path;

/**
 * The log is damaged somewhere other than its tail (a bad record followed by good ones, a missing segment, a
 * sequence gap, a bad segment header), so opening or reading it would lose or invent records. The log is left
 * untouched; {@link Wal#repair(Path)} truncates at {@link #file()} / {@link #offset()} if an operator decides to.
 */
public final class WalCorruptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The segment file where damage was found. */
    private final transient Path file;
    private final long offset;
    private final long sequence;

    /**
     * Creates the exception.
     *
     * @param file     segment file where the damage is; not {@code null}
     * @param offset   byte offset inside the file
     * @param sequence the sequence expected at that offset
     * @param reason   what is wrong, naming the field and the rule
     */
    public WalCorruptionException(Path file, long offset, long sequence, String reason) {
        super("WAL damaged in " + file + " at offset " + offset + " (expected sequence " + sequence + "): " + reason);
        this.file = file;
        this.offset = offset;
        this.sequence = sequence;
    }

    /**
     * The segment file where damage was found.
     *
     * @return the path; {@code null} only after deserialisation
     */
    public Path file() {
        return file;
    }

    /**
     * Byte offset of the damage inside {@link #file()}.
     *
     * @return offset in bytes
     */
    public long offset() {
        return offset;
    }

    /**
     * The sequence expected at the damaged position; every record before it is intact.
     *
     * @return a sequence {@code >= 1}
     */
    public long sequence() {
        return sequence;
    }
}
