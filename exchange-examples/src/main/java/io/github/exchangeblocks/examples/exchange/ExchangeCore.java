package io.github.exchangeblocks.examples.exchange;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.Wal;
import io.github.exchangeblocks.wal.WalConfig;
import io.github.exchangeblocks.wal.WalWriter;
import io.github.exchangeblocks.wal.snapshot.Snapshot;
import io.github.exchangeblocks.wal.snapshot.SnapshotStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A running exchange: one engine thread applies commands from a bounded multi-producer ring (LMAX Disruptor) to an
 * {@link ExchangeState}, journaling each command before it is applied.
 *
 * <p><b>Data path.</b> Gateways call {@link #submit} from any thread; a full ring answers
 * {@link RejectCode#EXCHANGE_BUSY} at once and an I/O thread never blocks. The submitting thread encodes the
 * command's journal form into its ring slot. The engine thread takes commands in batches: it stamps each with its
 * time (the host clock, never going backwards) and copies it into the write-ahead log; once the journal has made
 * a command durable (in the configured mode) the engine applies it and publishes its events and result. So every
 * event and every result a client sees is of a command that is in the journal.
 *
 * <p><b>What a client may rely on</b>, by {@link CoreConfig#durability()}:
 * <ul>
 *   <li>{@code SYNC_EACH}: each command is forced to the device before anything about it is published; an
 *       acknowledged command survives a process kill and a power loss.</li>
 *   <li>{@code GROUP} (the default): the same guarantee as {@code SYNC_EACH}, paid once per group: a flusher
 *       thread forces everything appended so far while the engine journals the next commands, and the engine
 *       applies commands as forces cover them.</li>
 *   <li>{@code NONE}: commands are in the journal's memory-mapped segment (the OS page cache) when acknowledged:
 *       they survive a kill of this process, not a power loss or an OS crash.</li>
 * </ul>
 * If an append or a force fails (disk full, I/O error) the engine stops: the failed batch is answered
 * {@link RejectCode#EXCHANGE_STOPPED}, nothing of it is applied, and every later submission is refused; whether
 * those commands are in the journal is decided when it is next opened (they were not acknowledged).
 *
 * <p><b>Snapshots and recovery.</b> Every {@link CoreConfig#snapshotInterval()} commands (and on
 * {@link #requestSnapshot()}) the engine writes the whole state to {@code snapshots/} through the WAL's
 * {@code SnapshotStore}, after forcing the journal, keeping the newest three. {@link #start} restores the newest
 * valid snapshot and replays the journal after it through the same {@code apply} path, listeners muted, so the
 * state after a restart equals the state of an uninterrupted run of the same commands.
 *
 * <p><b>The seam.</b> The journal is this core's sequencer: it gives each command its sequence, and its force is
 * the durable signal on which the engine's {@link CommandApplier} applies and acknowledges the batch. The replicated
 * exchange ({@code examples.cluster}) drives the same applier from an Aeron Cluster log instead; the state, the
 * applier and the listeners do not know which sequencer they run behind.
 */
public final class ExchangeCore implements ExchangeBackend, AutoCloseable {
    private static final int PRETOUCH_BYTES = 4 << 20;
    /**
     * Journal segments of 16 MiB rather than the WAL's default 64 MiB: on ext4 (measured on a virtio disk, see
     * {@code bench.wal.SegmentForceLatencyTool}) the force of freshly written pages slows down as a segment fills,
     * from ~0.1 ms to ~2 ms once some 30 MB of it are written, and a fresh file is fast again, so short segments keep
     * GROUP's forces near their best.
     */
    private static final int SEGMENT_BYTES = 16 << 20;
    /**
     * An idle engine thread spins this long, then yields until {@link #YIELD_MICROS}, then sleeps on a lock that a
     * submitter signals only when the engine sleeps: a busy engine picks commands up within nanoseconds, and a
     * submit costs no lock or wake-up while it is busy (a plain blocking strategy takes a lock on every submit).
     */
    private static final long SPIN_MICROS = 10;
    private static final long YIELD_MICROS = 100;

    private final CoreConfig config;
    private final WalWriter journal;
    private final ExchangeState state;
    private final SwitchableListener listener;
    private final Disruptor<CommandSlot> disruptor;
    private final RingBuffer<CommandSlot> ring;
    private final EngineHandler handler;
    private volatile boolean accepting;

    private ExchangeCore(CoreConfig config, ExchangeListener listener, LongSupplier clockNs) {
        this.config = config;
        this.listener = new SwitchableListener();
        Path walDirectory = config.dataDirectory().resolve("wal");
        try {
            Files.createDirectories(walDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + walDirectory, e);
        }
        SnapshotStore snapshots = new SnapshotStore(config.dataDirectory().resolve("snapshots"));
        // Pages ahead of the append position are touched from the engine's idle moments (EngineHandler), so appends
        // and forces do not pay first-touch page faults.
        // GROUP: the journal's asynchronous group commit, run by the JournalFlusher's thread, forces while the
        // engine goes on appending; the durability listener wakes the engine when it waits for a force.
        boolean group = config.durability() == DurabilityMode.GROUP;
        JournalFlusher flusher = group ? new JournalFlusher() : null;
        WalConfig.Builder walConfig = WalConfig.builder(walDirectory).durabilityMode(config.durability())
                .pretouchBytes(PRETOUCH_BYTES).segmentLength(SEGMENT_BYTES);
        if (group) {
            walConfig.asyncGroupCommit(true).durabilityListener(flusher);
        }
        this.journal = Wal.openWriter(walConfig.build());
        long lastTimestamp;
        try {
            Snapshot latest = snapshots.loadLatest();
            long from = latest == null ? journal.firstSequence() : latest.sequence() + 1;
            if (latest != null && (latest.sequence() > journal.lastSequence() || from < journal.firstSequence())) {
                throw new IllegalStateException("snapshot at sequence " + latest.sequence() + " does not join the"
                        + " journal's records " + journal.firstSequence() + ".." + journal.lastSequence());
            }
            this.state = latest == null
                    ? new ExchangeState(config.venue(), config.firstTradingDay(), this.listener)
                    : ExchangeState.restore(config.venue(), latest.data(), this.listener);
            Replay.Result replayed = Replay.replay(walDirectory, journal, state, from, config.bootstrap());
            lastTimestamp = replayed.lastTimestampNs();
            int bootstrapped = replayed.bootstrapPrefix();
            if (latest == null && replayed.records() == bootstrapped && bootstrapped < config.bootstrap().size()) {
                lastTimestamp = Replay.bootstrap(config, journal, state, bootstrapped,
                        bootstrapped == 0 ? clockNs.getAsLong() : lastTimestamp);
            }
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        this.listener.target = listener;
        this.disruptor = new Disruptor<>(CommandSlot::new, config.queueSize(), runnable -> {
            Thread thread = new Thread(runnable, "exchange-engine");
            thread.setDaemon(false);
            return thread;
        }, ProducerType.MULTI, PhasedBackoffWaitStrategy.withLiteLock(SPIN_MICROS, YIELD_MICROS,
                TimeUnit.MICROSECONDS));
        RingBuffer<CommandSlot> commands = disruptor.getRingBuffer();
        this.handler = new EngineHandler(state, journal, config, snapshots, clockNs, lastTimestamp, this.listener,
                flusher, commands::getCursor);
        if (flusher != null) {
            flusher.start(journal);
        }
        disruptor.handleEventsWith(handler);
        this.ring = disruptor.start();
        accepting = true;
    }

    /**
     * Opens the journal in {@link CoreConfig#dataDirectory()}, replays it (journaling the bootstrap commands first
     * if it is empty) and starts the engine thread.
     *
     * @param config   the settings, not {@code null}
     * @param listener receives every event on the engine thread from now on, not {@code null}
     * @param clockNs  the host clock, nanoseconds since the epoch (e.g. from {@code Instant.now()}); read on the
     *                 engine thread only
     * @return the running core
     * @throws UncheckedIOException if the data directory cannot be created
     * @throws io.github.exchangeblocks.wal.WalCorruptionException if the journal is damaged before its tail
     */
    public static ExchangeCore start(CoreConfig config, ExchangeListener listener, LongSupplier clockNs) {
        Objects.requireNonNull(config, "config must not be null");
        Objects.requireNonNull(listener, "listener must not be null");
        Objects.requireNonNull(clockNs, "clockNs must not be null");
        return new ExchangeCore(config, listener, clockNs);
    }

    /**
     * Queues a command. Returns at once; the outcome reaches {@code source} on the engine thread once the command
     * is applied (after it is durable, see the class docs).
     *
     * @param command       the command (its fields are validated when it is applied, after journaling)
     * @param source        where the result goes, or {@code null} for none
     * @param correlationId echoed to {@code source}
     * @return {@code null} if queued; {@link RejectCode#EXCHANGE_INVALID_COMMAND} for a {@code null} command,
     *         {@link RejectCode#EXCHANGE_BUSY} if the ring is full, or {@link RejectCode#EXCHANGE_STOPPED} if the
     *         core is stopping or stopped (nothing was queued)
     */
    public RejectCode submit(ExchangeCommand command, CommandSource source, long correlationId) {
        if (command == null) {
            return RejectCode.EXCHANGE_INVALID_COMMAND;
        }
        if (!accepting || handler.stopped()) {
            return RejectCode.EXCHANGE_STOPPED;
        }
        long next;
        try {
            next = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return RejectCode.EXCHANGE_BUSY;
        }
        // Claimed slots must be published whatever happens, or the engine waits for them forever.
        try {
            ring.get(next).command(command, source, correlationId);
        } finally {
            ring.publish(next);
        }
        return null;
    }

    /**
     * Runs a read of the state on the engine thread, after every command queued before it was applied. Not
     * journaled. The reader must not change the state and must not block.
     *
     * @param reader runs once on the engine thread
     * @return {@code null} if queued, else {@link RejectCode#EXCHANGE_BUSY} or {@link RejectCode#EXCHANGE_STOPPED}
     */
    public RejectCode query(Consumer<ExchangeState> reader) {
        Objects.requireNonNull(reader, "reader must not be null");
        if (!accepting) {
            return RejectCode.EXCHANGE_STOPPED;
        }
        return ring.tryPublishEvent((slot, sequence) -> slot.query = reader) ? null : RejectCode.EXCHANGE_BUSY;
    }

    /**
     * Asks the engine to write a snapshot of the state (after the commands queued before this call).
     *
     * @return {@code null} if queued, else {@link RejectCode#EXCHANGE_BUSY} or {@link RejectCode#EXCHANGE_STOPPED}
     */
    @Override
    public RejectCode requestSnapshot() {
        return query(s -> handler.snapshot());
    }

    /** @return the journal sequence of the last command made durable (or appended, in NONE mode) and applied */
    public long appliedSequence() {
        return handler.appliedSequence();
    }

    /**
     * @return commands and reads in the ring not yet processed by the engine thread (a moment's figure, read from
     *         any thread)
     */
    @Override
    public long queueDepth() {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    /** @return why the engine stopped on its own (a journal failure), or {@code null} */
    @Override
    public Throwable failure() {
        return handler.failure();
    }

    /** @return the settings */
    public CoreConfig config() {
        return config;
    }

    @Override
    public VenueSettings venueSettings() {
        return config.venue();
    }

    /** @return the command ring's size */
    @Override
    public int queueCapacity() {
        return config.queueSize();
    }

    /**
     * The state; read it only from the engine thread (listeners, {@link #query}) or after {@link #close()}.
     *
     * @return the state
     */
    @Override
    public ExchangeState state() {
        return state;
    }

    /**
     * Stops accepting, applies and acknowledges everything already queued, forces the journal and closes it.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!accepting) {
            return;
        }
        accepting = false;
        disruptor.shutdown();
        handler.close();
    }

    /**
     * Forwards to a target that is set after replay (replay publishes nothing) and before the engine thread starts,
     * which makes the write visible to it: a plain field, read on every event without a barrier.
     */
    static final class SwitchableListener extends ForwardingListener {
        ExchangeListener target = new ExchangeListener() {
        };

        @Override
        protected ExchangeListener delegate() {
            return target;
        }
    }
}
