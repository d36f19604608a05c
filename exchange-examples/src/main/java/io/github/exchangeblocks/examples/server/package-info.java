/**
 * The runnable exchange server: {@link io.github.exchangeblocks.examples.server.ExchangeServer} puts the exchange
 * core behind one Netty port (HTTP {@code /health}, DIFF over WebSocket at {@code /trade}) and
 * {@link io.github.exchangeblocks.examples.server.ExchangeServerMain} is its command line, packaged as the fat jar
 * {@code exchange-examples/target/exchange-server.jar}.
 */
package io.github.exchangeblocks.examples.server;
