/**
 * Benchmarks of exchange-diff-patch: merge patch apply and diff against Parsson (Jakarta JSON-P) in the same run,
 * client-frame decoding against the earlier tree decoder ({@code TreeClientMessageDecoder}), snapshot-manager fan-out
 * with coalescing and session close, and measurement tools (peek wake-up latency, idle session memory, and
 * {@code DiffCpuTimeTool}, the issue-16 paths beside their baselines in thread CPU time for a busy machine).
 */
package io.github.exchangeblocks.bench.diff;
