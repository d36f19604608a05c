package io.github.exchangeblocks.wal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Immutable settings of a {@link WalWriter}. Build with {@link #builder(Path)}; every value is validated when
 * {@link Builder#build()} is called, with a message naming the value and the rule.
 *
 * <p>Thread-safe.
 */
public final class WalConfig {
    /** Smallest allowed segment length in bytes. */
    public static final int MIN_SEGMENT_LENGTH = 4096;
    /** Largest allowed segment length in bytes (one memory mapping per segment). */
    public static final int MAX_SEGMENT_LENGTH = 1 << 30;
    /** Default segment length: 64 MiB. */
    public static final int DEFAULT_SEGMENT_LENGTH = 64 << 20;
    /** Default number of pending records that closes a commit group. */
    public static final int DEFAULT_GROUP_COMMIT_RECORDS = 1024;
    /** Default longest time a record waits for its group to close: 1 ms. */
    public static final long DEFAULT_GROUP_COMMIT_DELAY_NS = 1_000_000L;

    private static final DurabilityListener NO_LISTENER = durableSequence -> {
    };

    private final Path directory;
    private final int segmentLength;
    private final DurabilityMode durabilityMode;
    private final int groupCommitRecords;
    private final long groupCommitDelayNs;
    private final DurabilityListener durabilityListener;
    private final boolean asyncGroupCommit;
    private final int pretouchBytes;
    private final boolean asyncPretouch;

    private WalConfig(Builder builder) {
        this.directory = builder.directory;
        this.segmentLength = builder.segmentLength;
        this.durabilityMode = builder.durabilityMode;
        this.groupCommitRecords = builder.groupCommitRecords;
        this.groupCommitDelayNs = builder.groupCommitDelayNs;
        this.durabilityListener = builder.durabilityListener;
        this.asyncGroupCommit = builder.asyncGroupCommit;
        this.pretouchBytes = builder.pretouchBytes;
        this.asyncPretouch = builder.asyncPretouch;
    }

    /**
     * Starts a builder with defaults: 64 MiB segments, {@link DurabilityMode#GROUP}, groups of 1,024 records or
     * 1 ms, no listener, no pretouching.
     *
     * @param directory the log directory; created on open if missing; not {@code null}
     * @return a new builder
     */
    public static Builder builder(Path directory) {
        return new Builder(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * The log directory.
     *
     * @return never {@code null}
     */
    public Path directory() {
        return directory;
    }

    /**
     * Length of each new segment file in bytes; existing segments keep the length they were created with.
     *
     * @return a multiple of 4096 in {@code [MIN_SEGMENT_LENGTH, MAX_SEGMENT_LENGTH]}
     */
    public int segmentLength() {
        return segmentLength;
    }

    /**
     * When appended records are forced to the device.
     *
     * @return never {@code null}
     */
    public DurabilityMode durabilityMode() {
        return durabilityMode;
    }

    /**
     * In {@link DurabilityMode#GROUP}, the number of pending records that closes a group inside {@code append}.
     *
     * @return {@code >= 1}
     */
    public int groupCommitRecords() {
        return groupCommitRecords;
    }

    /**
     * In {@link DurabilityMode#GROUP}, how long records may be pending before {@link WalWriter#doWork(long)}
     * closes the group, in nanoseconds.
     *
     * @return {@code >= 0}
     */
    public long groupCommitDelayNs() {
        return groupCommitDelayNs;
    }

    /**
     * The listener told of durable sequences.
     *
     * @return never {@code null}; a no-op listener when none was set
     */
    public DurabilityListener durabilityListener() {
        return durabilityListener;
    }

    /**
     * Whether group commit is done by a {@link WalFlusher} on a host thread instead of on the writer thread. When
     * set, {@link #groupCommitRecords()} and {@link #groupCommitDelayNs()} are not used: each flusher force
     * covers everything appended before it.
     *
     * @return {@code true} only with {@link DurabilityMode#GROUP}
     */
    public boolean asyncGroupCommit() {
        return asyncGroupCommit;
    }

    /**
     * How far ahead of the append position a {@link WalPretoucher} touches the active segment's pages, in bytes;
     * 0 disables pretouching. A fresh segment is a sparse file, so without pretouching the writer takes a page
     * fault (page-cache allocation, zeroing, block reservation) every few records. With pretouching the host
     * runs the pretoucher either on its own thread ({@link #asyncPretouch()}) or on the writer thread through
     * {@link WalWriter#doWork(long)}, which then touches at most {@value WalPretoucher#PAGES_PER_CALL} pages per
     * call; either way the file contents are never changed.
     *
     * @return bytes, {@code >= 0}; 0 (the default) means off
     */
    public int pretouchBytes() {
        return pretouchBytes;
    }

    /**
     * Whether the pretoucher runs on a host thread (the host calls {@link WalWriter#pretoucher()}'s
     * {@link WalPretoucher#doWork()} in a loop) instead of inside {@link WalWriter#doWork(long)} on the writer
     * thread.
     *
     * @return {@code true} only with {@link #pretouchBytes()} {@code > 0}
     */
    public boolean asyncPretouch() {
        return asyncPretouch;
    }

    /**
     * The largest payload one record may carry with this configuration.
     *
     * @return bytes
     */
    public int maxPayloadLength() {
        return segmentLength - SegmentDescriptor.HEADER_LENGTH - RecordDescriptor.HEADER_LENGTH;
    }

    /** Mutable builder of {@link WalConfig}; not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private int segmentLength = DEFAULT_SEGMENT_LENGTH;
        private DurabilityMode durabilityMode = DurabilityMode.GROUP;
        private int groupCommitRecords = DEFAULT_GROUP_COMMIT_RECORDS;
        private long groupCommitDelayNs = DEFAULT_GROUP_COMMIT_DELAY_NS;
        private DurabilityListener durabilityListener = NO_LISTENER;
        private boolean asyncGroupCommit;
        private int pretouchBytes;
        private boolean asyncPretouch;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /**
         * Sets the length of new segment files.
         *
         * @param segmentLength bytes, a multiple of 4096 in {@code [4096, 2^30]}
         * @return this builder
         */
        public Builder segmentLength(int segmentLength) {
            this.segmentLength = segmentLength;
            return this;
        }

        /**
         * Sets the durability mode.
         *
         * @param durabilityMode not {@code null}
         * @return this builder
         */
        public Builder durabilityMode(DurabilityMode durabilityMode) {
            this.durabilityMode = Objects.requireNonNull(durabilityMode, "durabilityMode");
            return this;
        }

        /**
         * Sets how many pending records close a commit group.
         *
         * @param groupCommitRecords {@code >= 1}
         * @return this builder
         */
        public Builder groupCommitRecords(int groupCommitRecords) {
            this.groupCommitRecords = groupCommitRecords;
            return this;
        }

        /**
         * Sets how long records may wait for their group to close.
         *
         * @param groupCommitDelayNs nanoseconds, {@code >= 0}
         * @return this builder
         */
        public Builder groupCommitDelayNs(long groupCommitDelayNs) {
            this.groupCommitDelayNs = groupCommitDelayNs;
            return this;
        }

        /**
         * Sets the listener told of durable sequences.
         *
         * @param durabilityListener not {@code null}
         * @return this builder
         */
        public Builder durabilityListener(DurabilityListener durabilityListener) {
            this.durabilityListener = Objects.requireNonNull(durabilityListener, "durabilityListener");
            return this;
        }

        /**
         * Makes group commit asynchronous: the host runs {@link WalWriter#flusher()} on its own thread.
         *
         * @param asyncGroupCommit {@code true} to enable; needs {@link DurabilityMode#GROUP}
         * @return this builder
         */
        public Builder asyncGroupCommit(boolean asyncGroupCommit) {
            this.asyncGroupCommit = asyncGroupCommit;
            return this;
        }

        /**
         * Sets how far ahead of the append position pages are pretouched; see {@link WalConfig#pretouchBytes()}.
         *
         * @param pretouchBytes bytes in {@code [0, MAX_SEGMENT_LENGTH]}; 0 turns pretouching off; a few MiB is
         *                      plenty (the pretoucher only has to stay ahead of the writer)
         * @return this builder
         */
        public Builder pretouchBytes(int pretouchBytes) {
            this.pretouchBytes = pretouchBytes;
            return this;
        }

        /**
         * Makes pretouching asynchronous: the host runs {@link WalWriter#pretoucher()} on its own thread.
         *
         * @param asyncPretouch {@code true} to enable; needs {@link #pretouchBytes(int)} {@code > 0}
         * @return this builder
         */
        public Builder asyncPretouch(boolean asyncPretouch) {
            this.asyncPretouch = asyncPretouch;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the immutable configuration
         * @throws IllegalArgumentException naming the first invalid value and its rule
         */
        public WalConfig build() {
            if (segmentLength < MIN_SEGMENT_LENGTH || segmentLength > MAX_SEGMENT_LENGTH) {
                throw new IllegalArgumentException("segmentLength=" + segmentLength + " must be in ["
                        + MIN_SEGMENT_LENGTH + ", " + MAX_SEGMENT_LENGTH + "]");
            }
            if (segmentLength % MIN_SEGMENT_LENGTH != 0) {
                throw new IllegalArgumentException("segmentLength=" + segmentLength + " must be a multiple of "
                        + MIN_SEGMENT_LENGTH);
            }
            if (groupCommitRecords < 1) {
                throw new IllegalArgumentException("groupCommitRecords=" + groupCommitRecords + " must be >= 1");
            }
            if (groupCommitDelayNs < 0) {
                throw new IllegalArgumentException("groupCommitDelayNs=" + groupCommitDelayNs + " must be >= 0");
            }
            if (asyncGroupCommit && durabilityMode != DurabilityMode.GROUP) {
                throw new IllegalArgumentException("asyncGroupCommit=true needs durabilityMode=GROUP, not "
                        + durabilityMode);
            }
            if (pretouchBytes < 0 || pretouchBytes > MAX_SEGMENT_LENGTH) {
                throw new IllegalArgumentException("pretouchBytes=" + pretouchBytes + " must be in [0, "
                        + MAX_SEGMENT_LENGTH + "]");
            }
            if (asyncPretouch && pretouchBytes == 0) {
                throw new IllegalArgumentException("asyncPretouch=true needs pretouchBytes > 0, not 0");
            }
            return new WalConfig(this);
        }
    }
}
