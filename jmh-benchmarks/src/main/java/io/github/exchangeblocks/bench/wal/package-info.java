/**
 * Benchmarks of {@code exchange-wal}: append throughput per durability mode against a plain {@code FileChannel}
 * loop with the same force policy, Chronicle Queue's appender as the reference for the no-sync case, recovery
 * scan speed, and a sync-each latency tool. Log files go to a temporary directory that is deleted afterwards.
 */
package io.github.exchangeblocks.bench.wal;
