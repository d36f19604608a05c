/**
 * Risk contracts: the closing orders a liquidation computes and their projected effect.
 */
package io.github.exchangeblocks.api.risk;
