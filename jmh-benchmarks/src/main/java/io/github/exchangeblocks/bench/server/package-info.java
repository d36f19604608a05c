/** Measurements of the example exchange server over loopback (DIFF round trips, memory per session). */
package io.github.exchangeblocks.bench.server;
