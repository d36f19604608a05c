package io.github.exchangeblocks.wal;

/**
 * When appended records are forced to the storage device.
 *
 * <p>In every mode an appended record is in the operating system's page cache the moment {@code append}
 * returns, so it survives the writer process being killed; the modes differ in what survives a power loss or
 * kernel crash, which only records at or below {@link WalWriter#durableSequence()} are guaranteed to.
 */
public enum DurabilityMode {
    /**
     * Never forces on its own, not even when creating a segment; {@link WalWriter#flush()} forces every record
     * appended so far, the segments they are in and the directory.
     */
    NONE,
    /**
     * Group commit: one force makes many records durable. The group closes when
     * {@link WalConfig#groupCommitRecords()} records are pending (inside {@code append}) or when records have been
     * pending for {@link WalConfig#groupCommitDelayNs()} as observed by {@link WalWriter#doWork(long)}, which the
     * host calls on the writer thread from its duty cycle, so the group closes even if no further record arrives.
     * With {@link WalConfig#asyncGroupCommit()} a {@link WalFlusher} on a host thread forces instead, while the
     * writer keeps appending.
     */
    GROUP,
    /** Every append forces its record before returning. */
    SYNC_EACH
}
