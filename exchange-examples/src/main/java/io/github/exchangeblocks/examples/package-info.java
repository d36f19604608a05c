/**
 * Runnable examples that compose the exchange-blocks modules into a working exchange.
 */
package io.github.exchangeblocks.examples;
