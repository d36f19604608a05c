/**
 * A small, deterministic, single-threaded "mini exchange" that composes the exchange-blocks modules the way a host
 * application would; meant to be read and copied.
 *
 * <p>One command at a time: {@link io.github.exchangeblocks.examples.embedded.MiniExchange#submit} encodes the
 * {@link io.github.exchangeblocks.examples.embedded.Command} with the
 * {@link io.github.exchangeblocks.examples.embedded.CommandCodec} and appends it to the write-ahead log
 * <em>before</em> applying it (journal-then-apply). Applying an order runs the pre-trade risk chain and freezes
 * margin in the {@code AccountBook}, then enters the order into the instrument's {@code OrderBook}; the book's
 * events (package-private {@code BookEvents}) book fills into both accounts and release the freezes of cancelled
 * orders. What changed is pushed to a {@code DiffSnapshotManager} (package-private {@code DiffPublisher}) under
 * {@code trade.<user>} and {@code quotes.<EX.ins>}, ready for DIFF clients to peek.
 *
 * <p>Recovery: opening a {@code MiniExchange} on an existing log replays every record through the same apply path,
 * so a restarted instance reaches the same state hashes and the same DIFF snapshot. Nothing here reads a clock or
 * a random source: time comes in with each command.
 *
 * <p>The example favours clarity over speed: commands are records and DIFF pushes build JSON objects, so it
 * allocates per command, unlike the library modules' hot paths. Orders are limit orders and the books run without
 * self-trade prevention (the account book releases freezes by whole orders only).
 *
 * <p>{@link io.github.exchangeblocks.examples.embedded.EmbeddedExchangeDemo} scripts a short session. Run it from
 * the repository root with
 * <pre>
 * ./mvnw -B -q -pl exchange-examples -am package -DskipTests -Pdemo
 * </pre>
 * (the {@code demo} profile of this module runs the demo after packaging).
 */
package io.github.exchangeblocks.examples.embedded;
