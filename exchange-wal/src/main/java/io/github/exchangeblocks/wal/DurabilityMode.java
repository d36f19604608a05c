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
     * Never forces on its own while appending, not even when rolling to a new segment; {@link WalWriter#flush()}
     * forces every record appended so far, the segments they are in and the directory. Opening a writer forces
     * everything it recovers, the segment it starts and the directory, in this mode too.
     *
     * <p>What survives a power loss or kernel crash: every record up to the last {@code flush()} or open (the
     * {@link WalWriter#durableSequence()} at the time), whole and in order. Records after it may be lost in any
     * part, as the kernel wrote back some pages and directory entries and not others. On the next open, a lost
     * end of the last segment is a torn tail and is cut; a last segment whose file is empty, short or has no valid
     * header (created after the last flush, its directory entry on the device but not its data) is cut as a torn
     * tail when it holds no valid record, and the log continues from the last surviving record;
     * {@link WalWriter#tornTailReport()} says what was cut. When a loss is followed by data that did survive (a
     * later page of a segment, or a later segment, written back while an earlier one was not), nothing proves the
     * cut safe: the open fails with {@link WalCorruptionException} naming the place, and {@link Wal#repair} cuts
     * the log there on an operator's decision.
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
