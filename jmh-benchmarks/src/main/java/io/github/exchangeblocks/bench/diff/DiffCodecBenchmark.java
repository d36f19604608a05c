package io.github.exchangeblocks.bench.diff;

import io.github.exchangeblocks.diff.codec.ClientMessage;
import io.github.exchangeblocks.diff.codec.ClientMessageDecoder;
import io.github.exchangeblocks.diff.codec.RtnDataWriter;
import io.github.exchangeblocks.diff.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The DIFF codec at the edge: decoding {@code insert_order} and {@code peek_message} frames with the streaming
 * decoder against the tree decoder it replaced ({@link TreeClientMessageDecoder}, the baseline, in the same run),
 * and streaming a fill's {@code rtn_data}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DiffCodecBenchmark {
    private final byte[] insertOrder = ("{\"aid\":\"insert_order\",\"user_id\":\"user123\",\"order_id\":\"order456\","
            + "\"exchange_id\":\"SHFE\",\"instrument_id\":\"cu2512\",\"direction\":\"BUY\",\"offset\":\"OPEN\","
            + "\"volume\":10,\"price_type\":\"LIMIT\",\"limit_price\":75230.0,\"time_condition\":\"GFD\","
            + "\"volume_condition\":\"ANY\"}").getBytes(StandardCharsets.UTF_8);
    private final byte[] peekMessage = "{\"aid\":\"peek_message\"}".getBytes(StandardCharsets.UTF_8);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    private List<JsonObject> patches;

    /** Builds the patch to write. */
    @Setup
    public void setUp() {
        patches = List.of(OrderSnapshots.fillPatch(500, 1));
    }

    /**
     * Decodes and validates one {@code insert_order}.
     *
     * @return the typed message
     */
    @Benchmark
    public ClientMessage decodeInsertOrder() {
        return ClientMessageDecoder.decode(insertOrder, 0, insertOrder.length);
    }

    /**
     * Baseline: decodes and validates one {@code insert_order} through a parsed tree, as before the streaming decoder.
     *
     * @return the typed message
     */
    @Benchmark
    public ClientMessage decodeInsertOrderTree() {
        return TreeClientMessageDecoder.decode(insertOrder, 0, insertOrder.length);
    }

    /**
     * Decodes one {@code peek_message}.
     *
     * @return the shared message
     */
    @Benchmark
    public ClientMessage decodePeekMessage() {
        return ClientMessageDecoder.decode(peekMessage, 0, peekMessage.length);
    }

    /**
     * Baseline: decodes one {@code peek_message} through a parsed tree.
     *
     * @return the shared message
     */
    @Benchmark
    public ClientMessage decodePeekMessageTree() {
        return TreeClientMessageDecoder.decode(peekMessage, 0, peekMessage.length);
    }

    /**
     * Writes one {@code rtn_data} with a ~10-field fill patch into a reused buffer.
     *
     * @return bytes written
     * @throws IOException never, the target is in memory
     */
    @Benchmark
    public int writeRtnData() throws IOException {
        out.reset();
        RtnDataWriter.write(out, patches);
        return out.size();
    }
}
