/**
 * JMH benchmarks of the exchange-blocks modules and the baselines they are compared against. Sub-packages mirror
 * the packages of the code under test.
 */
package io.github.exchangeblocks.bench;
