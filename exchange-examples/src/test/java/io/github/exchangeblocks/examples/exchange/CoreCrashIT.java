package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.Wal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills an exchange core with SIGKILL while two client threads stream orders into it, at random moments (start-up
 * and recovery included), then restarts it and checks: every command whose acknowledgement was released is in the
 * state; nothing is there that was not submitted; the restarted state (snapshot + journal tail) hashes like a clean
 * replay of the whole journal. Rounds accumulate on one data directory, each with its own epoch in the client ids.
 */
class CoreCrashIT {

    @ParameterizedTest
    @EnumSource(DurabilityMode.class)
    void shouldLoseNoAcknowledgedCommandWhenKilledAtRandomMoments(DurabilityMode mode) throws Exception {
        Path dir = Files.createTempDirectory("core-crash-" + mode);
        Path acks = dir.resolve("acks.txt");
        Path data = dir.resolve("data");
        Random random = new Random(mode.ordinal());
        int rounds = Integer.getInteger("crash.rounds", 4);
        try {
            for (int round = 0; round < rounds; round++) {
                Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                        CrashChild.class.getName(), data.toString(), mode.name(), acks.toString(),
                        "e" + round).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                        .start();
                if (round == rounds - 1) {
                    // The last round runs until the clients have been acknowledged, however slow the machine.
                    awaitAcks(acks, "e" + round + "-", 200, child);
                }
                Thread.sleep(random.nextInt(round == 0 ? 1500 : 2500));
                kill(child);
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            List<String[]> acked = readAcks(acks);
            try (ExchangeCore core = ExchangeCore.start(CrashChild.config(data, mode), new ExchangeListener() {
            }, () -> Long.MAX_VALUE / 2)) {
                long[] hash = new long[1];
                Set<String> present = new HashSet<>();
                core.await(state -> {
                    hash[0] = state.stateHash();
                    for (String user : new String[] {"alice", "bob"}) {
                        for (OrderRecord order : state.orders(user)) {
                            present.add(user + " " + order.clientOrderId());
                        }
                    }
                }, 30_000);
                for (String[] ack : acked) {
                    assertThat(present).as("acknowledged %s %s at seq %s", ack[1], ack[2], ack[3])
                            .contains(ack[1] + " " + ack[2]);
                }
                for (String order : present) {
                    assertThat(order).matches("(alice|bob) e\\d+-\\d+");
                }
                assertThat(hash[0]).isEqualTo(cleanReplayHash(data));
                assertThat(acked).as("the children acknowledged something").isNotEmpty();
                System.out.println(mode + ": " + acked.size() + " acknowledged commands over " + rounds
                        + " killed rounds, " + present.size() + " orders after restart");
            }
        } finally {
            ExchangeCoreProperties.delete(dir);
        }
    }

    private static long cleanReplayHash(Path data) {
        ExchangeState state = new ExchangeState(VenueSettings.builder().build(), 20261207, new ExchangeListener() {
        });
        Wal.openReader(data.resolve("wal")).replay(1, record -> {
            CommandCodec.Journaled journaled = CommandCodec.decode(record.type(), record.buffer(),
                    record.payloadOffset());
            state.apply(journaled.timestampNs(), journaled.command());
        });
        return state.stateHash();
    }

    private static List<String[]> readAcks(Path acks) throws Exception {
        List<String[]> lines = new ArrayList<>();
        if (!Files.exists(acks)) {
            return lines;
        }
        String text = Files.readString(acks, StandardCharsets.US_ASCII);
        int end = text.lastIndexOf('\n');
        for (String line : text.substring(0, end + 1).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(" ");
            assertThat(fields).hasSize(5);
            if (!"0".equals(fields[3])) {
                lines.add(fields);
            }
        }
        return lines;
    }

    private static void awaitAcks(Path acks, String epoch, int count, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.exists(acks) && readAcks(acks).stream().filter(a -> a[2].startsWith(epoch)).count() >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child acknowledged fewer than " + count + " commands in 120 s (alive="
                + child.isAlive() + ")");
    }

    private static void kill(Process child) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }
}
