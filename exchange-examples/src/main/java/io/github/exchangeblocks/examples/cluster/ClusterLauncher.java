package io.github.exchangeblocks.examples.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs an exchange cluster on loopback with one command: each member in its own JVM ({@link ClusterNodeMain}, with
 * Aeron's JVM flags), its directories and its log under one base directory.
 *
 * <pre>
 *  java -cp exchange-server.jar io.github.exchangeblocks.examples.cluster.ClusterLauncher [BASE [PORT_BASE [MEMBERS]]]
 * </pre>
 *
 * Defaults: {@code ./exchange-cluster}, ports from 20000, 3 members. Ctrl-C (or SIGTERM) stops every member with
 * SIGTERM, which closes it cleanly, and waits for them. Members write {@code BASE/node-N/member.log} and
 * {@code BASE/node-N/status.properties}.
 */
public final class ClusterLauncher {
    /** The flags Aeron needs on Java 17+; only the cluster's processes get them, the libraries need none. */
    public static final List<String> JVM_FLAGS = List.of(
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.zip=ALL-UNNAMED",
            "-Daeron.term.buffer.sparse.file=true");

    private ClusterLauncher() {
    }

    /**
     * @param args optional base directory, port base and member count
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        Path base = Path.of(args.length > 0 ? args[0] : "exchange-cluster");
        int portBase = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Process> processes = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll(processes);
            stopped.countDown();
        }, "cluster-launcher-stop"));
        for (int m = 0; m < members; m++) {
            processes.add(startMember(m, members, portBase, base, List.of()));
        }
        System.out.println(members + " members started under " + base.toAbsolutePath() + "; clients connect to "
                + ClusterNodeConfig.ingressEndpoints("127.0.0.1", portBase, members) + "; Ctrl-C stops them");
        for (Process process : processes) {
            process.waitFor();
        }
        stopped.await(30, TimeUnit.SECONDS);
    }

    /**
     * Starts one member in a child JVM with this JVM's class path and {@link #JVM_FLAGS}; its output goes to
     * {@code BASE/node-N/member.log} (appended, so restarts keep the earlier runs).
     *
     * @param memberId    the member
     * @param memberCount the cluster's size
     * @param portBase    the cluster's port range
     * @param base        the base directory
     * @param extraFlags  more JVM flags (e.g. a heap size), may be empty
     * @return the process
     * @throws UncheckedIOException if the directory cannot be created or the JVM cannot be started
     */
    public static Process startMember(int memberId, int memberCount, int portBase, Path base,
                                      List<String> extraFlags) {
        Path directory = ClusterNodeConfig.loopback(memberId, memberCount, portBase, base).directory();
        try {
            Files.createDirectories(directory);
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.addAll(JVM_FLAGS);
            command.addAll(extraFlags);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(ClusterNodeMain.class.getName());
            command.add(Integer.toString(memberId));
            command.add(Integer.toString(memberCount));
            command.add(Integer.toString(portBase));
            command.add(base.toAbsolutePath().toString());
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("member.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start cluster member " + memberId, e);
        }
    }

    /** Sends SIGTERM to every live member (a clean stop) and waits up to 30 s, then kills what is left. */
    public static void stopAll(List<Process> processes) {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }
}
