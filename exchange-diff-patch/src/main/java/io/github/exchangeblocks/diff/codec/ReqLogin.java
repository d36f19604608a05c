package io.github.exchangeblocks.diff.codec;

/**
 * {@code req_login}: authenticate the session as a user.
 *
 * @param bid the broker/business id, {@code ""} when absent
 * @param userName the user name, non-empty
 * @param password the password or token as sent, possibly empty; never shown by {@link #toString()}
 */
public record ReqLogin(String bid, String userName, String password) implements ClientMessage {
    /** The aid. */
    public static final String AID = "req_login";

    @Override
    public String aid() {
        return AID;
    }

    @Override
    public String toString() {
        return "ReqLogin[bid=" + bid + ", userName=" + userName + ", password=***]";
    }
}
