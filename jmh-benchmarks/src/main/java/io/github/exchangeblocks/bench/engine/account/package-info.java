/**
 * Benchmarks of the account side of the engine: fill booking, mark-to-market of one instrument's holders and daily
 * settlement of many accounts.
 */
package io.github.exchangeblocks.bench.engine.account;
