/**
 * The exchange replicated with Aeron Cluster (Raft).
 * {@link io.github.exchangeblocks.examples.cluster.ExchangeClusteredService} runs the exchange state behind the
 * cluster's committed log through the same {@link io.github.exchangeblocks.examples.exchange.CommandApplier} the
 * single-machine core uses behind its journal; {@link io.github.exchangeblocks.examples.cluster.ClusterNode} is one
 * member (embedded media driver, archive, consensus module, service container),
 * {@link io.github.exchangeblocks.examples.cluster.ClusterLauncher} starts a cluster on loopback with one command
 * and {@link io.github.exchangeblocks.examples.cluster.ExchangeClusterClient} is a gateway's connection with resend
 * after a leader change. {@link io.github.exchangeblocks.examples.cluster.ClusterReplica} is a gateway's local copy
 * of the state, following the members' stream of applied commands
 * ({@link io.github.exchangeblocks.examples.cluster.CommandStream}) in sequence order, an
 * {@link io.github.exchangeblocks.examples.exchange.ExchangeBackend} like the single-machine core. Aeron needs JVM flags
 * ({@link io.github.exchangeblocks.examples.cluster.ClusterLauncher#JVM_FLAGS}); nothing outside this package does.
 */
package io.github.exchangeblocks.examples.cluster;
