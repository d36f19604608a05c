/**
 * The central limit order book: one {@link io.github.exchangeblocks.api.book.OrderBook} per instrument, created
 * by {@link io.github.exchangeblocks.engine.book.OrderBooks} from validated
 * {@link io.github.exchangeblocks.engine.book.OrderBookSettings}.
 *
 * <p>Structure: resting orders are pooled nodes in an intrusive doubly linked FIFO per price level, addressed by
 * order id through a primitive-keyed open-addressing map; each side keeps its levels in a sorted array with the
 * best price at the end, so activity near the top touches the end of the array only. Nodes and levels are
 * recycled through pools, so placing, cancelling, amending and matching allocate nothing once the pools and
 * arrays have grown to the working size (the capacity hints in the settings pre-size them).
 *
 * <p>Determinism: no clock, no randomness, no iteration in hash order. Commands that touch many orders (mass
 * cancel, day expiry, auction leftovers) walk bids from the best price down, then asks from the best price up,
 * each level in time priority. Single-threaded: a book must be driven by one thread at a time.
 */
package io.github.exchangeblocks.engine.book;
