/** Measurements of the example exchange core end to end (queue, journal, risk, book, accounts). */
package io.github.exchangeblocks.bench.exchange;
