package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.diff.json.JsonArray;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonReader;
import io.github.exchangeblocks.diff.json.JsonString;
import io.github.exchangeblocks.diff.json.JsonValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A DIFF client for tests over the JDK's {@link WebSocket}, behaving like TqSdk: it sends {@code peek_message} after
 * every {@code rtn_data}, applies every patch with TqSdk's merge rules (null deletes, objects merge, anything else
 * replaces) to its copy of the snapshot, and asserts TqSdk's rules on every frame: {@code data} is a non-empty
 * array of objects, no key starts with {@code _}, no value changes between scalar and object, no NaN token, notifications
 * come in the order the server numbered them, and a ready chart's window bars are there. Connected with {@link #connect(ExchangeServer)}, it also asserts after every
 * frame that its copy equals the server's copy of its session after that frame ({@link SessionViews}).
 * Frames are handled on the test thread, in {@link #await}.
 */
final class DiffTestClient implements AutoCloseable {
    private static final Pattern NAN_TOKEN = Pattern.compile("[:\\[,]\\s*-?(NaN|Infinity)");

    final JsonObject copy = new JsonObject();
    final List<JsonObject> notifies = new ArrayList<>();
    /** The keys of {@link #notifies} under {@code notify}, in the same order. */
    final List<String> notifyIds = new ArrayList<>();
    final List<String> otherFrames = new ArrayList<>();
    final CompletableFuture<String> closed;
    private final BlockingQueue<String> frames;
    private final WebSocket socket;
    private int rtnDataCount;
    private long lastNotifyId;
    private SessionViews views;
    private long sessionId;
    private int compared;

    private DiffTestClient(WebSocket socket, Receiver receiver) {
        this.socket = socket;
        this.frames = receiver.frames;
        this.closed = receiver.closed;
    }

    /**
     * Connects to a server in another process: every frame is checked against TqSdk's rules, but there is no
     * server-side copy to compare with.
     */
    static DiffTestClient connect(int port) {
        Receiver receiver = new Receiver();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/trade"), receiver).join();
        DiffTestClient client = new DiffTestClient(socket, receiver);
        client.send("{\"aid\":\"peek_message\"}");
        return client;
    }

    /**
     * Connects to a server in this JVM and, once its first answer arrived, binds to the server-side copy of its
     * session ({@link SessionViews}): from then on, after every frame, this copy must equal the server's copy after
     * the same frame. Connect such clients one at a time.
     */
    static DiffTestClient connect(ExchangeServer server) {
        SessionViews views = SessionViews.of(server);
        DiffTestClient client = connect(server.address().getPort());
        client.await("the first answer", c -> c.rtnDataCount > 0);
        client.views = views;
        client.sessionId = views.bindNext();
        client.compareWithServer();
        return client;
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Sends without waiting for the send to complete (the server may close the connection first). */
    void sendAndForget(String json) {
        socket.sendText(json, true);
    }

    /** Sends and waits; false if the connection refused it (closed). */
    boolean trySend(String json) {
        try {
            socket.sendText(json, true).join();
            return true;
        } catch (java.util.concurrent.CompletionException e) {
            return false;
        }
    }

    /** Polls a condition outside this client (server state) every 20 ms; fails after 20 s. */
    static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    void login(String user, String password) {
        send("{\"aid\":\"req_login\",\"bid\":\"exchange-blocks\",\"user_name\":\"" + user + "\",\"password\":\""
                + password + "\"}");
    }

    /** Handles frames until {@code condition} holds on this client, or fails after 20 s. */
    DiffTestClient await(String what, Predicate<DiffTestClient> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            String frame = null;
            try {
                frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (frame == null) {
                fail("timed out waiting for " + what + "; snapshot: " + copy + "; notifies: " + notifies);
            }
            handle(frame);
        }
        return this;
    }

    /** Handles every frame that arrives within {@code millis} (for checks that nothing more happens). */
    void drain(long millis) throws InterruptedException {
        String frame;
        while ((frame = frames.poll(millis, TimeUnit.MILLISECONDS)) != null) {
            handle(frame);
        }
    }

    /** @return the value at a dotted path of the copy ({@code trade.alice.orders.a1.status}), or null */
    JsonValue at(String... path) {
        JsonValue value = copy;
        for (String key : path) {
            if (!(value instanceof JsonObject)) {
                return null;
            }
            value = ((JsonObject) value).get(key);
        }
        return value;
    }

    String text(String... path) {
        JsonValue value = at(path);
        return value instanceof JsonString s ? s.value() : value == null ? null : value.toString();
    }

    boolean hasNotifyCode(int code) {
        return notifies.stream().anyMatch(n -> n.get("code") != null && n.get("code").toString()
                .equals(Integer.toString(code)));
    }

    int rtnDataCount() {
        return rtnDataCount;
    }

    private void handle(String frame) {
        assertThat(NAN_TOKEN.matcher(frame).find()).as("NaN token in %s", frame).isFalse();
        JsonValue parsed = JsonReader.parse(frame);
        assertThat(parsed).isInstanceOf(JsonObject.class);
        JsonObject message = (JsonObject) parsed;
        if (!"rtn_data".equals(text(message, "aid"))) {
            otherFrames.add(frame);
            return;
        }
        rtnDataCount++;
        JsonValue data = message.get("data");
        assertThat(data).as("data of %s", frame).isInstanceOf(JsonArray.class);
        assertThat(((JsonArray) data).elements()).as("data of %s", frame).isNotEmpty();
        for (JsonValue patch : ((JsonArray) data).elements()) {
            assertThat(patch).as("patch in %s", frame).isInstanceOf(JsonObject.class);
            checkKeys((JsonObject) patch, "");
            JsonObject notify = ((JsonObject) patch).getObject("notify");
            if (notify != null) {
                for (Map.Entry<String, JsonValue> entry : notify.members()) {
                    notifies.add((JsonObject) entry.getValue());
                    notifyIds.add(entry.getKey());
                    if (!entry.getKey().startsWith("gateway")) {
                        long id = Long.parseLong(entry.getKey());
                        assertThat(id).as("notify id after %d (answers out of order)", lastNotifyId)
                                .isGreaterThan(lastNotifyId);
                        lastNotifyId = id;
                    }
                }
            }
            merge(copy, (JsonObject) patch, "");
        }
        // Notifications are new members every time: kept in the list, not in the copy (as on the server side).
        copy.remove("notify");
        checkChartsReady();
        if (views != null) {
            compareWithServer();
        }
        send("{\"aid\":\"peek_message\"}");
    }

    /** This copy equals the server's copy of the session after every frame not compared yet. */
    private void compareWithServer() {
        while (compared < rtnDataCount) {
            compared++;
            JsonObject server = views.next(sessionId);
            if (compared == rtnDataCount) {
                assertThat(copy).as("copy after frame %d of session %d", compared, sessionId).isEqualTo(server);
            }
        }
    }

    /** A ready chart's series holds its {@code left_id} and {@code right_id} bars: they came first. */
    private void checkChartsReady() {
        JsonObject charts = copy.getObject("charts");
        if (charts == null) {
            return;
        }
        for (Map.Entry<String, JsonValue> entry : charts.members()) {
            JsonObject chart = (JsonObject) entry.getValue();
            if (!"true".equals(String.valueOf(chart.get("ready")))) {
                continue;
            }
            // The request as the client wrote it: "ins_list" may have blanks, "duration" any number spelling.
            String instrument = java.util.Arrays.stream(text(chart.getObject("state"), "ins_list").split(","))
                    .map(String::trim).filter(name -> !name.isEmpty()).findFirst().orElseThrow();
            String duration = Long.toString(new java.math.BigDecimal(chart.getObject("state").get("duration")
                    .toString()).longValueExact());
            JsonValue series = "0".equals(duration) ? at("ticks", instrument) : at("klines", instrument, duration);
            assertThat(series).as("series of ready chart %s", entry.getKey()).isInstanceOf(JsonObject.class);
            for (String end : new String[] {"left_id", "right_id"}) {
                String id = chart.get(end).toString();
                if (!"-1".equals(id)) {
                    assertThat(((JsonObject) series).getObject("data").containsKey(id))
                            .as("bar %s=%s of ready chart %s", end, id, entry.getKey()).isTrue();
                }
            }
        }
    }

    private static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonString s ? s.value() : null;
    }

    private static void checkKeys(JsonObject object, String path) {
        for (Map.Entry<String, JsonValue> member : object.members()) {
            assertThat(member.getKey()).as("key at %s", path).doesNotStartWith("_");
            if (member.getValue() instanceof JsonObject child) {
                checkKeys(child, path + "." + member.getKey());
            }
        }
    }

    /** TqSdk's merge: null deletes, object into object merges, anything else replaces; types never flip. */
    private static void merge(JsonObject target, JsonObject patch, String path) {
        for (Map.Entry<String, JsonValue> member : patch.members()) {
            String key = member.getKey();
            JsonValue value = member.getValue();
            JsonValue current = target.get(key);
            String where = path + "." + key;
            if (value.isNull()) {
                target.remove(key);
            } else if (value instanceof JsonObject object) {
                assertThat(current == null || current instanceof JsonObject).as("scalar -> object at %s", where)
                        .isTrue();
                JsonObject child = (JsonObject) current;
                if (child == null) {
                    child = new JsonObject();
                    target.put(key, child);
                }
                merge(child, object, where);
            } else {
                assertThat(current instanceof JsonObject).as("object -> scalar at %s", where).isFalse();
                target.put(key, value.deepCopy());
            }
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Collects whole text messages (the JDK may deliver one in parts) for the test thread. */
    private static final class Receiver implements WebSocket.Listener {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
        }
    }
}
