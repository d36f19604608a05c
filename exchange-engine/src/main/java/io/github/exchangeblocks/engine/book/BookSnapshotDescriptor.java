package io.github.exchangeblocks.engine.book;

/**
 * Layout of the order book snapshot, version 2 (written) and version 1 (still read). Little-endian. A header
 * followed by one fixed-size record per resting order: bids, then asks; on each side first the call auction's
 * any-price queue (market orders without protection price) in time priority, then the levels from the best price
 * on, each level in time priority:
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                        magic "EBOB"                          |  0
 *  |          version            |    phase      |   reserved    |  4
 *  |                      instrumentId (8)                        |  8
 *  |                      bandLow (8)                             | 16
 *  |                      bandHigh (8)                            | 24
 *  |                      referencePrice (8)                      | 32
 *  |                      lastArrival (8)                         | 40
 *  |                      lastTradeId (8)                         | 48
 *  |                      lastLevelSequence (8)                   | 56
 *  |                      orderCount (4)                          | 64
 *  |                      reserved (4)                            | 68
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  order record (64 bytes in version 2, 56 in version 1; repeated orderCount times, from offset 72):
 *  |                      orderId (8)                             |  0
 *  |                      ownerId (8)                             |  8
 *  |                      price (8)                               | 16
 *  |                      remaining (8)                           | 24
 *  |                      timestampNs (8)                         | 32
 *  |                      arrival (8)                             | 40
 *  |     side      |     type      |  timeInForce  |      stp      | 48
 *  |   postOnly    |              reserved (3)                     | 52
 *  |                      minQuantity (8), version 2 only         | 56
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Enum fields hold the stable {@code code()} of {@code Side}, {@code OrderType}, {@code TimeInForce},
 * {@code SelfTradePrevention} and {@code TradingPhase}. {@code price} is 0 for a market order without protection
 * price (version 2 only; version 1 records always have a positive price). {@code minQuantity} is the call-auction
 * minimum fill quantity, 0 for none (a version 1 record has none). A reader rejects other magic numbers and
 * versions.
 */
final class BookSnapshotDescriptor {
    static final int MAGIC = 0x424F4245;
    /** The version written. */
    static final short VERSION = 2;
    /** The first version, still read: no market orders without price, no minimum quantities. */
    static final short VERSION_1 = 1;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int PHASE_OFFSET = 6;
    static final int INSTRUMENT_OFFSET = 8;
    static final int BAND_LOW_OFFSET = 16;
    static final int BAND_HIGH_OFFSET = 24;
    static final int REFERENCE_PRICE_OFFSET = 32;
    static final int LAST_ARRIVAL_OFFSET = 40;
    static final int LAST_TRADE_ID_OFFSET = 48;
    static final int LAST_LEVEL_SEQUENCE_OFFSET = 56;
    static final int ORDER_COUNT_OFFSET = 64;
    static final int HEADER_LENGTH = 72;

    static final int ORDER_ID_OFFSET = 0;
    static final int OWNER_ID_OFFSET = 8;
    static final int PRICE_OFFSET = 16;
    static final int REMAINING_OFFSET = 24;
    static final int TIMESTAMP_OFFSET = 32;
    static final int ARRIVAL_OFFSET = 40;
    static final int SIDE_OFFSET = 48;
    static final int TYPE_OFFSET = 49;
    static final int TIME_IN_FORCE_OFFSET = 50;
    static final int STP_OFFSET = 51;
    static final int POST_ONLY_OFFSET = 52;
    static final int MIN_QUANTITY_OFFSET = 56;
    /** The record length of version 2. */
    static final int ORDER_LENGTH = 64;
    /** The record length of version 1. */
    static final int ORDER_LENGTH_V1 = 56;

    private BookSnapshotDescriptor() {
    }
}
