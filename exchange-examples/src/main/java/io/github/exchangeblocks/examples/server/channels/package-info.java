/**
 * The channel gateway at {@code ws://host:port/ws}: the push protocol crypto exchanges use. Clients subscribe to
 * public channels ({@code <symbol>@depth}, {@code @depth5/10/20}, {@code @trades}, {@code @ticker},
 * {@code @kline_<interval>}, {@code @markprice}) and, after {@code login}, to their private ones ({@code @order},
 * {@code @usertrades}, {@code @balance}, {@code @account}, {@code @position}). Every channel message carries the
 * channel, the symbol, an event time (when the server published it) and a sequence per connection and channel;
 * delta channels chain by update (or tick) ids and never skip silently. Market data comes from the engine's
 * market-data blocks; each update is encoded once on the engine thread for all its subscribers, and each connection
 * gets its messages of one flush in one buffer and one write. Start with
 * {@link io.github.exchangeblocks.examples.server.channels.ChannelGateway}.
 */
package io.github.exchangeblocks.examples.server.channels;
