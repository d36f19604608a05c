package io.github.exchangeblocks.engine.marketdata;

/**
 * Layout of the market-data snapshot, version 2 (version 1 is the same without a tick's top of book: its tick
 * record is 40 bytes, and its ticks are restored with none). Little-endian. Six blocks one after another: header, quote,
 * depth (levels, then the pending delta batch), tape, ticker, klines. Every record is a multiple of 8 bytes.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  header (32 bytes)
 *  |                        magic "EBMD"                          |  0
 *  |          version            |          reserved             |  4
 *  |                      instrumentId (8)                        |  8
 *  |                      timestampNs (8)                         | 16
 *  |                      version counter (8)                     | 24
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  quote (16 x 8 = 128 bytes, from offset 32), each a long:
 *    datetimeNs, version, lastPrice, open, highest, lowest, close, volume, amount, openInterest,
 *    settlement, upperLimit, lowerLimit, preSettlement, preClose, preOpenInterest
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  depth header (32 bytes)
 *  |                      lastUpdateId (8)                        |  0
 *  |                      lastDrainedUpdateId (8)                 |  8
 *  |                      bidLevels (4)                           | 16
 *  |                      askLevels (4)                           | 20
 *  |                      pendingLevels (4)                       | 24
 *  |                      reserved (4)                            | 28
 *  level record (24 bytes; bidLevels bids best first, then askLevels asks best first)
 *  |                      price (8)                               |  0
 *  |                      quantity (8)                            |  8
 *  |                      orderCount (4)                          | 16
 *  |                      reserved (4)                            | 20
 *  pending record (24 bytes; pendingLevels of them, in batch order)
 *  |                      price (8)                               |  0
 *  |                      quantity (8)                            |  8
 *  |                      orderCount (4)                          | 16
 *  |     side      |             reserved (3)                      | 20
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  tape header (16 bytes)
 *  |                      lastTickId (8)                          |  0
 *  |                      tickCount (4)                           |  8
 *  |                      reserved (4)                            | 12
 *  tick record (72 bytes; tickCount of them, oldest first, ids lastTickId - tickCount + 1 ..)
 *  |                      tradeId (8)                             |  0
 *  |                      timestampNs (8)                         |  8
 *  |                      price (8)                               | 16
 *  |                      volume (8)                              | 24
 *  |     side      |             reserved (7)                      | 32
 *  |                      bidPrice (8, 0 for none)                | 40
 *  |                      bidVolume (8)                           | 48
 *  |                      askPrice (8, 0 for none)                | 56
 *  |                      askVolume (8)                           | 64
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  ticker header (48 bytes)
 *  |                      windowNs (8)                            |  0
 *  |                      bucketNs (8)                            |  8
 *  |                      asOfNs (8)                              | 16
 *  |                      version (8)                             | 24
 *  |                      lastPrice (8)                           | 32
 *  |                      bucketCount (4)                         | 40
 *  |                      reserved (4)                            | 44
 *  bucket record (64 bytes; bucketCount of them, oldest first), each a long:
 *    bucketId, open, high, low, close, volume, amount, tradeCount
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  klines header (8 bytes)
 *  |                      seriesCount (4)                         |  0
 *  |                      reserved (4)                            |  4
 *  series header (16 bytes; seriesCount series, ascending duration, each followed by its bars)
 *  |                      durationNs (8)                          |  0
 *  |                      barCount (4)                            |  8
 *  |                      reserved (4)                            | 12
 *  bar record (80 bytes; barCount of them, oldest first), each a long:
 *    id, open, high, low, close, volume, amount, openOpenInterest, closeOpenInterest, version
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Sides hold {@code Side.code()}. The ticker's window totals are not stored: they are the sums over its buckets.
 * Reserved bytes are written as 0. A reader rejects other magic numbers and versions, another instrument, a
 * ticker window or bucket width other than its settings', and counts above its settings' capacities.
 */
final class MarketDataSnapshotDescriptor {
    static final int MAGIC = 0x444D4245;
    static final short VERSION = 2;
    static final short VERSION_1 = 1;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int INSTRUMENT_OFFSET = 8;
    static final int TIMESTAMP_OFFSET = 16;
    static final int VERSION_COUNTER_OFFSET = 24;
    static final int HEADER_LENGTH = 32;

    static final int QUOTE_FIELDS = 16;
    static final int QUOTE_LENGTH = QUOTE_FIELDS * 8;

    static final int DEPTH_HEADER_LENGTH = 32;
    static final int LEVEL_LENGTH = 24;
    static final int PENDING_LENGTH = 24;

    static final int TAPE_HEADER_LENGTH = 16;
    static final int TICK_LENGTH = 72;

    static final int TICKER_HEADER_LENGTH = 48;
    static final int BUCKET_LENGTH = 64;

    static final int KLINES_HEADER_LENGTH = 8;
    static final int SERIES_HEADER_LENGTH = 16;
    static final int BAR_LENGTH = 80;

    private MarketDataSnapshotDescriptor() {
    }
}
