/**
 * Benchmarks of {@code exchange-wal}: append throughput per durability mode against a plain {@code FileChannel}
 * loop with the same force policy, the same appends with a pretoucher thread, Chronicle Queue's appender as the
 * reference for the no-sync case, recovery scan speed, a no-sync throughput tool (sparse versus pretouched
 * segments, with the writer thread's faults and CPU shares), a sync-each latency tool and a tool timing the forces
 * of a mapped segment under a sustained write rate (sparse against zero-filled files). Log files go to a
 * temporary directory that is deleted afterwards, and closed logs are unmapped between iterations.
 */
package io.github.exchangeblocks.bench.wal;
