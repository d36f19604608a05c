package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decodes one client message and carries it out on the connection's I/O thread:
 * <pre>
 * {"op":"subscribe","id":1,"channels":["SHFE.cu2512@depth","@order"]}   (or "channel":"name")
 * {"op":"unsubscribe","id":2,"channels":["SHFE.cu2512@depth"]}
 * {"op":"login","id":3,"user":"alice","password":"..."}                  (or a "token", once a token check is plugged in)
 * {"op":"ping","id":4}
 * </pre>
 * {@code id} (an integer or a string) is echoed in the reply. A request with any bad channel changes nothing: the
 * whole request is refused with the first error found.
 */
final class ClientRequests {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OPS = "subscribe, unsubscribe, login, ping";

    private ClientRequests() {
    }

    static void dispatch(ChannelConnection connection, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            error(connection, null, null, ChannelError.BAD_REQUEST, "message is not valid JSON: "
                    + e.getOriginalMessage());
            return;
        }
        if (root == null || !root.isObject()) {
            error(connection, null, null, ChannelError.BAD_REQUEST, "message must be a JSON object");
            return;
        }
        JsonNode id = root.get("id");
        if (id != null && !id.isIntegralNumber() && !id.isTextual()) {
            error(connection, null, null, ChannelError.BAD_REQUEST, "id must be an integer or a string");
            return;
        }
        JsonNode op = root.get("op");
        if (op == null || !op.isTextual()) {
            error(connection, id, null, ChannelError.UNKNOWN_OP, "op must be a string, one of: " + OPS);
            return;
        }
        switch (op.asText()) {
            case "subscribe" -> subscribe(connection, id, root);
            case "unsubscribe" -> unsubscribe(connection, id, root);
            case "login" -> login(connection, id, root);
            case "ping" -> connection.reply(Replies.pong(connection.context().alloc(), id));
            default -> error(connection, id, op.asText(), ChannelError.UNKNOWN_OP, "op '" + op.asText()
                    + "' is unknown; one of: " + OPS);
        }
    }

    private static void subscribe(ChannelConnection connection, JsonNode id, JsonNode root) {
        List<String> names = names(connection, id, "subscribe", root);
        if (names == null) {
            return;
        }
        ChannelGateway gateway = connection.gateway();
        int limit = gateway.config().maxChannels();
        if (connection.subscriptions().size() + names.size() > limit) {
            error(connection, id, "subscribe", ChannelError.TOO_MANY_CHANNELS, "channels: " + names.size()
                    + " more would make " + (connection.subscriptions().size() + names.size())
                    + " subscriptions; the limit per connection is " + limit);
            return;
        }
        List<Subscription> added = new ArrayList<>(names.size());
        for (String name : names) {
            ChannelName parsed;
            try {
                parsed = ChannelName.parse(name, gateway.symbols());
            } catch (ChannelName.Invalid invalid) {
                error(connection, id, "subscribe", invalid.error(), invalid.getMessage());
                return;
            }
            if (parsed.kind().userPrivate() && connection.user() == null) {
                error(connection, id, "subscribe", ChannelError.LOGIN_REQUIRED, "channel '" + name
                        + "' is private: log in first");
                return;
            }
            if (connection.subscriptions().containsKey(name)) {
                error(connection, id, "subscribe", ChannelError.ALREADY_SUBSCRIBED, "channel '" + name
                        + "' is already subscribed");
                return;
            }
            added.add(new Subscription(connection, parsed, parsed.kind().userPrivate() ? connection.user() : null,
                    connection.phaseGroup()));
        }
        for (Subscription subscription : added) {
            connection.subscribe(subscription);
        }
        for (Subscription subscription : added) {
            if (!connection.requestSnapshot(subscription)) {
                for (Subscription undo : added) {
                    connection.unsubscribe(undo);
                }
                error(connection, id, "subscribe", ChannelError.BUSY, "the exchange is busy or stopping; nothing"
                        + " was subscribed, try again");
                return;
            }
        }
        connection.reply(Replies.channels(connection.context().alloc(), id, "subscribe", names));
    }

    private static void unsubscribe(ChannelConnection connection, JsonNode id, JsonNode root) {
        List<String> names = names(connection, id, "unsubscribe", root);
        if (names == null) {
            return;
        }
        for (String name : names) {
            if (!connection.subscriptions().containsKey(name)) {
                error(connection, id, "unsubscribe", ChannelError.NOT_SUBSCRIBED, "channel '" + name
                        + "' is not subscribed");
                return;
            }
        }
        for (String name : names) {
            connection.unsubscribe(connection.subscriptions().get(name));
        }
        connection.reply(Replies.channels(connection.context().alloc(), id, "unsubscribe", names));
    }

    private static void login(ChannelConnection connection, JsonNode id, JsonNode root) {
        if (connection.user() != null || connection.loginInFlight()) {
            error(connection, id, "login", ChannelError.ALREADY_LOGGED_IN, connection.user() != null
                    ? "already logged in as '" + connection.user() + "'" : "a login is already in progress");
            return;
        }
        connection.loginStarted();
        connection.gateway().login(connection, id, root);
    }

    /** The request's channel list, or null after an error reply. */
    private static List<String> names(ChannelConnection connection, JsonNode id, String op, JsonNode root) {
        JsonNode single = root.get("channel");
        JsonNode list = root.get("channels");
        List<String> names = new ArrayList<>();
        if (single != null && list == null && single.isTextual()) {
            names.add(single.asText());
            return names;
        }
        if (single != null || list == null || !list.isArray() || list.isEmpty()) {
            error(connection, id, op, ChannelError.BAD_REQUEST, "channels must be a non-empty array of channel"
                    + " names (or channel a single name)");
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode name = list.get(i);
            if (!name.isTextual()) {
                error(connection, id, op, ChannelError.BAD_REQUEST, "channels[" + i + "] must be a string");
                return null;
            }
            if (!seen.add(name.asText())) {
                error(connection, id, op, ChannelError.BAD_REQUEST, "channels[" + i + "] '" + name.asText()
                        + "' is repeated");
                return null;
            }
            names.add(name.asText());
        }
        return names;
    }

    private static void error(ChannelConnection connection, JsonNode id, String op, ChannelError error,
                              String message) {
        connection.reply(Replies.error(connection.context().alloc(), id, op, error, message));
    }
}
