package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.wal.DurabilityMode;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The child JVM of {@link CoreCrashIT}: runs an exchange core and streams orders into it from two threads until it
 * is killed, appending one line per acknowledgement ({@code ack <user> <clientOrderId> <sequence> <code>}) to a
 * file with one {@code write} each, so the parent reads whole lines only.
 * Arguments: data directory, durability mode, acknowledgement file, round epoch.
 */
public final class CrashChild {
    private CrashChild() {
    }

    static CoreConfig config(Path dir, DurabilityMode mode) {
        return new CoreConfig(dir, mode, 1 << 12, 500, 20261207, VenueSettings.builder().build(),
                Defaults.bootstrap(List.of(Defaults.COPPER), List.of("alice", "bob"), 100_000_000_000L));
    }

    /**
     * @param args data directory, durability, ack file, epoch
     * @throws Exception never expected: the parent kills this process
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        DurabilityMode mode = DurabilityMode.valueOf(args[1]);
        FileOutputStream acks = new FileOutputStream(args[2], true);
        String epoch = args[3];
        CommandSource source = (correlationId, sequence, code, message) -> {
            String user = correlationId % 2 == 0 ? "alice" : "bob";
            String line = "ack " + user + " " + epoch + "-" + correlationId + " " + sequence + " " + code + "\n";
            try {
                acks.write(line.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        ExchangeCore core = ExchangeCore.start(config(dir, mode), new ExchangeListener() {
        }, () -> {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
        System.out.println("started");
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            int parity = t;
            threads[t] = new Thread(() -> stream(core, source, epoch, parity));
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void stream(ExchangeCore core, CommandSource source, String epoch, int parity) {
        for (long n = parity; n < Long.MAX_VALUE; n += 2) {
            String user = parity == 0 ? "alice" : "bob";
            Side side = parity == 0 ? Side.BUY : Side.SELL;
            ExchangeCommand order = new ExchangeCommand.InsertOrder(user, epoch + "-" + n,
                    Defaults.COPPER.instrumentId(), side, Offset.OPEN, OrderType.LIMIT, TimeInForce.IOC,
                    7_000 + n % 5, 1, 0);
            RejectCode code;
            while ((code = core.submit(order, source, n)) == RejectCode.EXCHANGE_BUSY) {
                Thread.onSpinWait();
            }
            if (code != null) {
                return;
            }
        }
    }
}
