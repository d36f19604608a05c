/**
 * Contracts of the central limit order book: the command side ({@link io.github.exchangeblocks.api.book.OrderBook}),
 * the read side ({@link io.github.exchangeblocks.api.book.OrderBookView}), the event listener with primitive
 * arguments ({@link io.github.exchangeblocks.api.book.OrderBookListener}), and the vocabulary they share: trading
 * phases, cancel reasons, self-trade prevention modes, and the reusable depth and auction snapshots.
 *
 * <p>Prices and quantities are fixed-point {@code long}s in the instrument's price and quantity units; a price is
 * valid when it is a positive multiple of the book's tick size, a quantity when it is a positive multiple of the
 * lot size. Implementations live in {@code io.github.exchangeblocks.engine.book}.
 */
package io.github.exchangeblocks.api.book;
