/**
 * The DIFF gateway: sessions as TqSdk clients expect them, on top of the exchange core. I/O threads decode client
 * messages and answer peeks; the engine thread owns the DIFF snapshot (the publisher writes events into it, the
 * gateway opens, logs in, subscribes and closes sessions there); auth threads check passwords against the salted
 * PBKDF2 hashes of the users file. Entry point: {@link io.github.exchangeblocks.examples.server.diff.DiffGateway}.
 */
package io.github.exchangeblocks.examples.server.diff;
