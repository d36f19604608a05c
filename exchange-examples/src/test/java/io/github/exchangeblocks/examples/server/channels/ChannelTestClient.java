package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/**
 * A channel client on the JDK's WebSocket client: keeps every message it received, in order, and checks as they
 * arrive that each channel's {@code seq} goes 1, 2, 3, ... (a gap is recorded in {@link #gaps}).
 */
public final class ChannelTestClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Completes with {@code "<status> <reason>"} when the server closes the connection (or with the error). */
    public final CompletableFuture<String> closed = new CompletableFuture<>();
    final List<String> gaps = new ArrayList<>();
    private final List<JsonNode> messages = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final WebSocket socket;
    private final java.util.concurrent.atomic.AtomicBoolean paused = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean owed = new java.util.concurrent.atomic.AtomicBoolean();
    private int nextId = 1;

    private ChannelTestClient(int port) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Receiver()).join();
    }

    /**
     * @param port the server's port on 127.0.0.1
     * @return a client connected to {@code /ws}
     */
    public static ChannelTestClient connect(int port) {
        return new ChannelTestClient(port);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Sends an op with a fresh id and waits for the reply (or error) echoing it. */
    JsonNode request(String op, String fields) {
        int id = nextId++;
        send("{\"op\":\"" + op + "\",\"id\":" + id + (fields.isEmpty() ? "" : "," + fields) + "}");
        return await("reply to " + op + " id " + id, m -> m.has("id") && m.get("id").asInt() == id);
    }

    /** Subscribes and waits for the reply echoing the request's id (fails after 20 s); returns it. */
    public JsonNode subscribe(String... channels) {
        return request("subscribe", "\"channels\":" + array(channels));
    }

    JsonNode unsubscribe(String... channels) {
        synchronized (messages) {
            for (String channel : channels) {
                sequences.remove(channel);
            }
        }
        return request("unsubscribe", "\"channels\":" + array(channels));
    }

    JsonNode login(String user, String password) {
        return request("login", "\"user\":\"" + user + "\",\"password\":\"" + password + "\"");
    }

    /** Waits up to 20 s for a message matching; returns the first one received that matches. */
    JsonNode await(String what, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        synchronized (messages) {
            int checked = 0;
            while (true) {
                for (; checked < messages.size(); checked++) {
                    if (condition.test(messages.get(checked))) {
                        return messages.get(checked);
                    }
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return fail("no message " + what + " within 20 s; received " + tail());
                }
                try {
                    messages.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return fail("interrupted waiting for " + what);
                }
            }
        }
    }

    /** Waits for the first message of a channel matching (fails after 20 s). */
    public JsonNode awaitChannel(String channel, Predicate<JsonNode> condition) {
        return await(channel, m -> channel.equals(m.path("channel").asText()) && condition.test(m));
    }

    /** @return a copy of every message of the channel received so far */
    List<JsonNode> channel(String channel) {
        List<JsonNode> result = new ArrayList<>();
        synchronized (messages) {
            for (JsonNode message : messages) {
                if (channel.equals(message.path("channel").asText())) {
                    result.add(message);
                }
            }
        }
        return result;
    }

    /** @return a copy of every message received so far */
    List<JsonNode> all() {
        synchronized (messages) {
            return new ArrayList<>(messages);
        }
    }

    /** Stops reading from the socket (after the message being handled): the server sees a slow reader. */
    void pause() {
        paused.set(true);
    }

    /** Reads again. */
    void resume() {
        paused.set(false);
        if (owed.compareAndSet(true, false)) {
            socket.request(1);
        }
    }

    boolean isOpen() {
        return !socket.isOutputClosed() && !closed.isDone();
    }

    private String tail() {
        int from = Math.max(0, messages.size() - 10);
        return messages.size() + " messages, last: " + messages.subList(from, messages.size());
    }

    private static String array(String... items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.length; i++) {
            out.append(i == 0 ? "" : ",").append('"').append(items[i]).append('"');
        }
        return out.append(']').toString();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                JsonNode message;
                try {
                    message = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new AssertionError("server sent invalid JSON: " + text, e);
                }
                synchronized (messages) {
                    if (message.has("seq")) {
                        String channel = message.path("channel").asText();
                        long seq = message.get("seq").asLong();
                        Long before = sequences.put(channel, seq);
                        long expected = before == null ? 1 : before + 1;
                        if (seq != expected) {
                            gaps.add(channel + ": seq " + seq + " after " + before);
                        }
                    }
                    messages.add(message);
                    messages.notifyAll();
                }
            }
            if (paused.get()) {
                owed.set(true);
                if (!paused.get() && owed.compareAndSet(true, false)) {
                    webSocket.request(1);
                }
            } else {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            synchronized (messages) {
                messages.notifyAll();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
        }
    }
}
