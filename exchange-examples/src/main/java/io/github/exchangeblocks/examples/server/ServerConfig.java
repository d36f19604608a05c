package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.wal.DurabilityMode;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of the exchange server, validated at construction with messages naming the offending value.
 *
 * @param bindAddress        the address to listen on, e.g. {@code 127.0.0.1}
 * @param port               the port, {@code 0..65535} ({@code 0}: any free port)
 * @param dataDirectory      journal, snapshots and the users file live here
 * @param durability         when a command counts as durable (see the exchange core)
 * @param maxFrameBytes      the largest WebSocket message accepted; bigger ones close the connection, {@code >= 1024}
 * @param maxUnsentBytes     a connection whose unsent bytes pass this is cut (write high water mark), {@code >= 64K}
 * @param workerThreads      Netty I/O threads, {@code >= 1}
 * @param passwordIterations PBKDF2 iterations for the hashes of a new users file, {@code >= 1000}
 */
public record ServerConfig(String bindAddress, int port, Path dataDirectory, DurabilityMode durability,
                           int maxFrameBytes, int maxUnsentBytes, int workerThreads, int passwordIterations) {
    /** Validates every field. */
    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress must not be null");
        Objects.requireNonNull(dataDirectory, "dataDirectory must not be null");
        Objects.requireNonNull(durability, "durability must not be null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port=" + port + " must be in 0..65535");
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes=" + maxFrameBytes + " must be >= 1024");
        }
        if (maxUnsentBytes < 65536) {
            throw new IllegalArgumentException("maxUnsentBytes=" + maxUnsentBytes + " must be >= 65536");
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads=" + workerThreads + " must be >= 1");
        }
        if (passwordIterations < 1000) {
            throw new IllegalArgumentException("passwordIterations=" + passwordIterations + " must be >= 1000");
        }
    }

    /**
     * The defaults: {@code 127.0.0.1:7800}, GROUP durability, 64 KiB frames, 4 MiB unsent per connection, two I/O
     * threads, 600,000 PBKDF2 iterations.
     *
     * @param dataDirectory the data directory
     * @return the defaults
     */
    public static ServerConfig defaults(Path dataDirectory) {
        return new ServerConfig("127.0.0.1", 7800, dataDirectory, DurabilityMode.GROUP, 64 * 1024, 4 << 20, 2,
                600_000);
    }
}
