/**
 * Segmented write-ahead log of exchange-blocks: framing, durability modes, crash recovery, replay, tailing,
 * and atomic application snapshots with log retention. Depends on nothing but {@code java.base}.
 */
module io.github.exchangeblocks.wal {
    exports io.github.exchangeblocks.wal;
    exports io.github.exchangeblocks.wal.snapshot;
}
