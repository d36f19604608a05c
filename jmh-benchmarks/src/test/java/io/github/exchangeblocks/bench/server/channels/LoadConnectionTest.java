package io.github.exchangeblocks.bench.server.channels;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load client's connection checks what it counts: it accepts only a handshake answered with the right
 * {@code Sec-WebSocket-Accept}, reads frames split across reads, and counts a sequence gap and a depth delta that
 * does not chain, but not a message in order.
 */
class LoadConnectionTest {
    private static final String DEPTH = "X.Y@depth";
    private static final String TRADES = "X.Y@trades";

    private final LoopTally tally = new LoopTally();
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final AtomicInteger closed = new AtomicInteger();

    private EmbeddedChannel connect() {
        byte[][] channels = {DEPTH.getBytes(StandardCharsets.US_ASCII), TRADES.getBytes(StandardCharsets.US_ASCII)};
        return new EmbeddedChannel(new LoadConnection(new LoadHandshake("127.0.0.1:1", "/ws"), channels,
                LoadHandshake.clientFrame(0x81, "{\"op\":\"subscribe\"}".getBytes(StandardCharsets.UTF_8)),
                ctx -> tally, subscribed, new Semaphore(1), closed));
    }

    private static String accept(EmbeddedChannel channel) throws Exception {
        ByteBuf request = channel.readOutbound();
        Matcher key = Pattern.compile("Sec-WebSocket-Key: (\\S+)\r\n")
                .matcher(request.toString(StandardCharsets.US_ASCII));
        request.release();
        assertThat(key.find()).isTrue();
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                (key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] response(String accept) {
        return ("HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n"
                + "sec-websocket-accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] text(String message) {
        byte[] payload = message.getBytes(StandardCharsets.UTF_8);
        int header = payload.length < 126 ? 2 : 4;
        byte[] frame = new byte[header + payload.length];
        frame[0] = (byte) 0x81;
        if (header == 2) {
            frame[1] = (byte) payload.length;
        } else {
            frame[1] = 126;
            frame[2] = (byte) (payload.length >> 8);
            frame[3] = (byte) payload.length;
        }
        System.arraycopy(payload, 0, frame, header, payload.length);
        return frame;
    }

    private static String depth(int seq, String rest) {
        return "{\"seq\":" + seq + ",\"channel\":\"" + DEPTH + "\",\"symbol\":\"X.Y\",\"time\":1,\"type\":" + rest;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @Test
    void shouldCountGapsAndChainBreaksOfFramesSplitAcrossReads() throws Exception {
        EmbeddedChannel channel = connect();
        byte[] stream = concat(response(accept(channel)),
                text("{\"id\":1,\"result\":\"subscribed\"}"),
                text(depth(1, "\"snapshot\",\"lastUpdateId\":4,\"bids\":[],\"asks\":[]}")),
                text(depth(2, "\"delta\",\"U\":5,\"u\":7,\"bids\":[[\"1.0\",2]],\"asks\":[]}")),
                text("{\"seq\":1,\"channel\":\"" + TRADES + "\",\"symbol\":\"X.Y\",\"time\":1,\"type\":\"trades\","
                        + "\"trades\":[" + "{\"id\":1,\"price\":\"1.0\",\"qty\":1},".repeat(10) + "{\"id\":2}]}"),
                text(depth(3, "\"delta\",\"U\":8,\"u\":9,\"bids\":[],\"asks\":[]}")),
                text(depth(5, "\"delta\",\"U\":10,\"u\":11,\"bids\":[],\"asks\":[]}")),
                text(depth(6, "\"delta\",\"U\":13,\"u\":14,\"bids\":[],\"asks\":[]}")));
        tally.start();
        for (int at = 0; at < stream.length; at += 37) {
            channel.writeInbound(Unpooled.wrappedBuffer(stream, at, Math.min(37, stream.length - at)));
        }

        ByteBuf subscribe = channel.readOutbound();
        assertThat(subscribe.getByte(0)).isEqualTo((byte) 0x81);
        subscribe.release();
        assertThat(subscribed.getCount()).isZero();
        assertThat(tally.messages).isEqualTo(6);
        assertThat(tally.gaps).as("seq 3 -> 5").isEqualTo(1);
        assertThat(tally.chainBreaks).as("u 11 -> U 13").isEqualTo(1);
        assertThat(tally.unknownChannels).isZero();
        assertThat(tally.latencyMs.getTotalCount()).isEqualTo(6);
        assertThat(channel.isActive()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldCloseWhenTheAcceptDoesNotMatchTheKey() throws Exception {
        EmbeddedChannel channel = connect();
        accept(channel);
        channel.writeInbound(Unpooled.wrappedBuffer(response("bm90IHRoZSByaWdodCBhbnN3ZXI=")));

        assertThat(channel.isActive()).isFalse();
        assertThat(closed.get()).isEqualTo(1);
        assertThat(tally.messages).isZero();
        channel.finishAndReleaseAll();
    }
}
