package io.github.exchangeblocks.bench.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A DIFF client as TqSdk behaves, over the JDK's WebSocket: it logs in, subscribes to quotes, and sends
 * {@code peek_message} after every complete message, so the server pushes to it as fast as it reads. It only counts
 * what it receives (the benchmark measures the server, not a client's merge).
 */
final class PeekingDiffSession implements WebSocket.Listener, AutoCloseable {
    private static final String PEEK = "{\"aid\":\"peek_message\"}";

    final AtomicLong messages = new AtomicLong();
    final AtomicLong chars = new AtomicLong();
    private final CountDownLatch loggedIn = new CountDownLatch(1);
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    /** The JDK's WebSocket takes one send at a time: each message goes after the one before it completed. */
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    private PeekingDiffSession(int port, String user, String password, String quotes) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/trade"), this).join();
        send(socket, "{\"aid\":\"req_login\",\"bid\":\"bench\",\"user_name\":\"" + user + "\",\"password\":\""
                + password + "\"}");
        send(socket, "{\"aid\":\"subscribe_quote\",\"ins_list\":\"" + quotes + "\"}");
        send(socket, PEEK);
    }

    private synchronized void send(WebSocket to, String text) {
        lastSend = lastSend.thenCompose(previous -> to.sendText(text, true));
    }

    /**
     * Connects, logs in and waits until the login's trade snapshot arrived.
     *
     * @throws IllegalStateException if the login is not answered within 30 seconds
     */
    static PeekingDiffSession open(int port, String user, String password, String quotes)
            throws InterruptedException {
        PeekingDiffSession session = new PeekingDiffSession(port, user, password, quotes);
        if (!session.loggedIn.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no trade snapshot for " + user + " within 30 s");
        }
        return session;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.incrementAndGet();
            chars.addAndGet(partial.length());
            if (partial.indexOf("\"trade_more_data\":false") >= 0) {
                loggedIn.countDown();
            }
            partial.setLength(0);
            send(webSocket, PEEK);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public synchronized void close() {
        lastSend.thenCompose(previous -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done")).join();
    }
}
