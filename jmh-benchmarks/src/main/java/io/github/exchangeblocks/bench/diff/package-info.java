/**
 * Benchmarks of exchange-diff-patch: merge patch apply and diff against Parsson (Jakarta JSON-P) in the same run,
 * snapshot-manager fan-out with coalescing, and two measurement tools (peek wake-up latency, idle session memory).
 */
package io.github.exchangeblocks.bench.diff;
