package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.examples.exchange.ConfigFile;
import io.github.exchangeblocks.examples.exchange.CoreConfig;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.server.diff.DiffGateway;
import io.github.exchangeblocks.examples.server.http.HttpApiConfig;
import io.github.exchangeblocks.wal.DurabilityMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of the exchange server:
 * {@code java -jar exchange-examples/target/exchange-server.jar [--port 7800] [--bind 127.0.0.1]
 * [--data-dir ./exchange-data] [--config exchange.json] [--durability GROUP] [--cluster-ingress ENDPOINTS]}.
 * Prints the bound address and the endpoints, serves until SIGTERM or Ctrl-C, then shuts down cleanly (see {@link ExchangeServer#close()}). Exit
 * code 0 after a clean shutdown, 1 if the server could not start, 2 for bad options.
 */
@Command(name = "exchange-server", mixinStandardHelpOptions = true, version = "exchange-blocks 0.1.0-SNAPSHOT",
        description = "Runs the example exchange: sample instruments, demo users, a journal in the data directory, "
                + "DIFF over WebSocket at ws://<bind>:<port>/trade, a trading page at http://<bind>:<port>/ and "
                + "GET /health.")
public final class ExchangeServerMain implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "7800", description = "TCP port, 0 for any free port "
            + "(default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on "
            + "(default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--data-dir", defaultValue = "./exchange-data", description = "Journal, snapshots and users "
            + "file (default: ${DEFAULT-VALUE}); an existing journal is resumed.")
    Path dataDir;

    @Option(names = "--durability", description = "When a command is acknowledged: ${COMPLETION-CANDIDATES} "
            + "(default: the config file's, else GROUP).")
    DurabilityMode durability;

    @Option(names = "--config", description = "JSON configuration of the exchange (instruments, users, risk, "
            + "durability, snapshots; see exchange.sample.json); default: the embedded defaults.")
    Path configFile;

    @Option(names = "--max-frame-bytes", defaultValue = "65536", description = "Largest WebSocket message accepted "
            + "(default: ${DEFAULT-VALUE}).")
    int maxFrameBytes;

    @Option(names = "--max-unsent-bytes", defaultValue = "4194304", description = "A client that does not read is "
            + "cut once this many bytes wait for it (default: ${DEFAULT-VALUE}).")
    int maxUnsentBytes;

    @Option(names = "--password-iterations", defaultValue = "600000", description = "PBKDF2 iterations for a new "
            + "users file (default: ${DEFAULT-VALUE}).")
    int passwordIterations;

    @Option(names = "--allow-registration", description = "Lets anyone open a user with POST /api/auth/register "
            + "(default: off).")
    boolean allowRegistration;

    @Option(names = "--cluster-ingress", paramLabel = "<endpoints>", description = "Run on a replica of an "
            + "exchange cluster instead of a local core: the members' ingress endpoints, e.g. "
            + "0=127.0.0.1:20002,1=127.0.0.1:20012,2=127.0.0.1:20022 (ClusterLauncher prints them). The replica's "
            + "files go to <data-dir>/cluster-replica; the JVM needs Aeron's flags (see the README). Default: off.")
    String clusterIngress;

    @Spec
    CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * Runs the server until the process is asked to stop.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ExchangeServerMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ServerConfig config;
        CoreConfig core;
        try {
            core = configFile == null ? Defaults.config(dataDir) : ConfigFile.load(configFile, dataDir);
            if (durability != null) {
                core = new CoreConfig(dataDir, durability, core.queueSize(), core.snapshotInterval(),
                        core.firstTradingDay(), core.venue(), core.bootstrap());
            }
            config = new ServerConfig(bind, port, dataDir, core.durability(), maxFrameBytes, maxUnsentBytes, 2,
                    passwordIterations);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        ExchangeServer.Builder builder;
        try {
            builder = ExchangeServer.builder(config).core(core).cluster(clusterIngress);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        ExchangeServer server = builder.httpApi(HttpApiConfig.defaults().withRegistration(allowRegistration)).start();
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "exchange-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        InetSocketAddress address = server.address();
        String host = address.getAddress().getHostAddress();
        PrintWriter out = new PrintWriter(System.out, true);
        out.println("exchange-server listening on " + host + ":" + address.getPort()
                + " (applied sequence " + server.backend().appliedSequence() + ", data in "
                + dataDir.toAbsolutePath().normalize() + ")");
        if (clusterIngress != null) {
            out.println("  on a replica of the exchange cluster at " + clusterIngress);
        }
        out.println("  DIFF:   ws://" + host + ":" + address.getPort() + "/trade   demo users "
                + String.join(", ", DiffGateway.DEMO_PASSWORDS.keySet()));
        out.println("  web:    http://" + host + ":" + address.getPort() + "/   (trading page)");
        out.println("  channels: ws://" + host + ":" + address.getPort() + "/ws   (market data; private after login)");
        out.println("  health: http://" + host + ":" + address.getPort() + "/health   metrics: /metrics (Prometheus)");
        out.println("  HTTP:   http://" + host + ":" + address.getPort() + "/api/ (routes: /openapi.json; "
                + "admin user: admin)");
        out.println("Ctrl-C or SIGTERM stops it cleanly.");
        stopped.await();
        return 0;
    }
}
