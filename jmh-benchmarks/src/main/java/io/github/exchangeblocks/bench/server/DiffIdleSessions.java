package io.github.exchangeblocks.bench.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Holds logged-in, idle DIFF sessions open for {@link DiffRoundTripTool}, in a process of its own so that they do
 * not count in the server's heap. Each session logs in as {@code <prefix><i>} (password {@code <prefix><i>}),
 * then only answers each {@code rtn_data} with a {@code peek_message}, as TqSdk does. Prints {@code ready} once every
 * session is logged in, and exits when its standard input closes.
 *
 * <p>Run by the tool: {@code java -cp benchmarks.jar io.github.exchangeblocks.bench.server.DiffIdleSessions
 * <port> <sessions> <prefix>}.
 */
public final class DiffIdleSessions {
    private static final int LOGINS_AT_ONCE = 16;

    private DiffIdleSessions() {
    }

    /**
     * @param args port, session count, user name prefix
     * @throws Exception if a connection fails or the logins do not complete within five minutes
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int sessions = Integer.parseInt(args[1]);
        String prefix = args[2];
        HttpClient http = HttpClient.newHttpClient();
        Semaphore logins = new Semaphore(LOGINS_AT_ONCE);
        CountDownLatch loggedIn = new CountDownLatch(sessions);
        List<WebSocket> open = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            logins.acquire();
            String user = prefix + i;
            Session session = new Session(user, logins, loggedIn);
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/trade"), session).join();
            open.add(socket);
            session.send(socket, "{\"aid\":\"req_login\",\"bid\":\"exchange-blocks\",\"user_name\":\"" + user
                    + "\",\"password\":\"" + user + "\"}");
            session.send(socket, "{\"aid\":\"peek_message\"}");
        }
        if (!loggedIn.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(loggedIn.getCount() + " sessions did not log in");
        }
        System.out.println("ready " + open.size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // idle until the tool closes our standard input
        }
        System.exit(0);
    }

    /** One idle session: peeks after every answer; counts its login once. */
    private static final class Session implements WebSocket.Listener {
        private final String user;
        private final Semaphore logins;
        private final CountDownLatch loggedIn;
        private final StringBuilder partial = new StringBuilder();
        private boolean counted;

        Session(String user, Semaphore logins, CountDownLatch loggedIn) {
            this.user = user;
            this.logins = logins;
            this.loggedIn = loggedIn;
        }

        synchronized void send(WebSocket socket, String text) {
            socket.sendText(text, true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.contains("\"rtn_data\"")) {
                    if (!counted && frame.contains("\"trade_more_data\":false")) {
                        counted = true;
                        logins.release();
                        loggedIn.countDown();
                    } else if (!counted && frame.contains("\"level\":\"ERROR\"")) {
                        System.err.println(user + " could not log in: " + frame);
                        System.exit(2);
                    }
                    send(socket, "{\"aid\":\"peek_message\"}");
                }
            }
            socket.request(1);
            return null;
        }
    }
}
