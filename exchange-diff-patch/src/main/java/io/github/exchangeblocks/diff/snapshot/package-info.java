/**
 * The DIFF snapshot manager: per-session pending changes and peek/rtn_data hand-off between the engine thread that
 * produces changes and the I/O threads that answer peeks, with market data ({@code quotes}, {@code klines},
 * {@code ticks}) stored once and shared by all subscribed sessions.
 *
 * <p>Typical wiring (the engine thread owns the manager; I/O threads only peek):
 * <pre>{@code
 * DiffSnapshotManager manager = new DiffSnapshotManager();                  // engine thread
 * DiffSession session = manager.openSession((s, patches) ->
 *         channel.eventLoop().execute(() -> writeRtnData(channel, patches))); // RtnDataWriter
 * ClientMessage message = ClientMessageDecoder.decode(frame);               // I/O thread
 * if (message instanceof PeekMessage) {
 *     session.peek();                                                       // any thread
 * } else {
 *     engine.submit(() -> handle(manager, session, message));               // login, subscribe_quote, set_chart,
 * }                                                                         // orders, or ErrorNotify for invalid
 * manager.pushTrade("user123", DiffLayout.entry(DiffLayout.ORDERS, "order456", fields)); // engine thread
 * }</pre>
 */
package io.github.exchangeblocks.diff.snapshot;
