/**
 * Settlement contracts: the per-account daily statement produced by settlement, as structured records.
 */
package io.github.exchangeblocks.api.settlement;
