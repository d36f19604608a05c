package io.github.exchangeblocks.examples.server.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A raw WebSocket client on a plain socket that completes the handshake at {@code /ws}, may send one message, and
 * then never answers pings (unlike the JDK client) and, unless asked, never reads: for the heartbeat and
 * slow-subscriber tests.
 */
final class SilentSocket implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private boolean sawPing;

    private SilentSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects with a small receive buffer (so a client that does not read backs up quickly) and shakes hands. */
    static SilentSocket open(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        OutputStream out = socket.getOutputStream();
        String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        SilentSocket silent = new SilentSocket(socket);
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = silent.in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head);
        }
        return silent;
    }

    /** Sends one masked text frame (client frames must be masked). */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) {
            throw new IllegalArgumentException("short messages only");
        }
        byte[] mask = {1, 2, 3, 4};
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        socket.getOutputStream().write(frame);
        socket.getOutputStream().flush();
    }

    /** Reads frames (never answering) until the server closes or the time is up; true if it closed. */
    boolean awaitClosed(long timeoutMs) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            try {
                int first = in.read();
                if (first < 0) {
                    return true;
                }
                int opcode = first & 0x0f;
                int length = in.read() & 0x7f;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    long big = 0;
                    for (int i = 0; i < 8; i++) {
                        big = (big << 8) | in.read();
                    }
                    length = (int) big;
                }
                in.readNBytes(length);
                if (opcode == 0x9) {
                    sawPing = true;
                } else if (opcode == 0x8) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    boolean sawPing() {
        return sawPing;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
