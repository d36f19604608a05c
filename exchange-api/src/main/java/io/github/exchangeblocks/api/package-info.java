/**
 * Contracts shared by every exchange-blocks module: the order vocabulary ({@link io.github.exchangeblocks.api.Side},
 * {@link io.github.exchangeblocks.api.Offset}, {@link io.github.exchangeblocks.api.OrderType},
 * {@link io.github.exchangeblocks.api.TimeInForce}) and the reject codes through which expected outcomes (a
 * rejected order, an unknown id, a malformed message) are reported as values rather than exceptions.
 *
 * <p>Sub-packages hold the contracts of one subsystem each. Nothing here depends on a third-party library.
 */
package io.github.exchangeblocks.api;
