package io.github.exchangeblocks.bench.server.channels;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The WebSocket opening handshake (RFC 6455 section 4) of the load client, done by hand on a plain TCP channel so
 * that no HTTP codec stays in the pipeline: the upgrade request for one path and host, and the check of the
 * server's answer (status 101 and the {@code Sec-WebSocket-Accept} derived from the request's random key). Also
 * frames what the client sends. Immutable, thread-safe.
 */
final class LoadHandshake {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final byte[] request;
    private final String accept;

    /**
     * @param host the Host header, e.g. {@code 127.0.0.1:8080}
     * @param path the request path, e.g. {@code /ws}
     */
    LoadHandshake(String host, String path) {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try {
            this.accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    /** @return the upgrade request's bytes (a shared array: do not change it) */
    byte[] request() {
        return request;
    }

    /**
     * @return the length of the response header at the reader index up to and including its blank line, or -1 if
     *         it has not all arrived
     */
    int headerEnd(ByteBuf buf) {
        int from = buf.readerIndex();
        for (int i = from, last = buf.writerIndex() - 4; i <= last; i++) {
            if (buf.getByte(i) == '\r' && buf.getByte(i + 1) == '\n' && buf.getByte(i + 2) == '\r'
                    && buf.getByte(i + 3) == '\n') {
                return i + 4 - from;
            }
        }
        return -1;
    }

    /** @return true if the response header of this length at the reader index accepts the upgrade */
    boolean accepted(ByteBuf buf, int headerLength) {
        String header = buf.toString(buf.readerIndex(), headerLength, StandardCharsets.US_ASCII);
        if (!header.startsWith("HTTP/1.1 101")) {
            return false;
        }
        for (String line : header.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")) {
                return line.substring(colon + 1).trim().equals(accept);
            }
        }
        return false;
    }

    /**
     * A client frame (masked, with the zero key: the payload goes as is, which RFC 6455 allows).
     *
     * @param first   the first byte: FIN and the opcode ({@code 0x81} text, {@code 0x8A} pong)
     * @param payload the payload's bytes
     * @return the frame's bytes
     */
    static byte[] clientFrame(int first, byte[] payload) {
        int header = payload.length < 126 ? 2 : payload.length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + 4 + payload.length];
        frame[0] = (byte) first;
        if (header == 2) {
            frame[1] = (byte) (0x80 | payload.length);
        } else if (header == 4) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >> 8);
            frame[3] = (byte) payload.length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) payload.length >> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header + 4, payload.length);
        return frame;
    }

    /** @return a client frame carrying the bytes {@code [from, to)} of {@code source}, in a new buffer */
    static ByteBuf clientFrame(ByteBufAllocator allocator, int first, ByteBuf source, int from, int to) {
        byte[] payload = new byte[to - from];
        source.getBytes(from, payload);
        return allocator.buffer().writeBytes(clientFrame(first, payload));
    }
}
