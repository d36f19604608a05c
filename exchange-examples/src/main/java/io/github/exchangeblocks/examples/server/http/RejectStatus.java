package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.api.RejectCode;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The HTTP status of a core reject: 503 while the engine is busy or stopped, 404 when the command named something
 * that does not exist, 409 when it conflicts with the current state (duplicates, instruments in use, funds or
 * positions short, status transitions, settled days), 400 for everything else (a field breaking a rule).
 */
final class RejectStatus {
    private RejectStatus() {
    }

    static ApiException toException(RejectCode code, CharSequence message) {
        return new ApiException(statusOf(code), code.name(), message.toString());
    }

    static HttpResponseStatus statusOf(RejectCode code) {
        return switch (code) {
            case EXCHANGE_BUSY, EXCHANGE_STOPPED -> HttpResponseStatus.SERVICE_UNAVAILABLE;
            case UNKNOWN_INSTRUMENT, UNKNOWN_ACCOUNT, UNKNOWN_ORDER, EXCHANGE_UNKNOWN_USER, BOOK_UNKNOWN_ORDER_ID ->
                    HttpResponseStatus.NOT_FOUND;
            case INSTRUMENT_EXISTS, INSTRUMENT_IN_USE, INVALID_STATUS_TRANSITION, ACCOUNT_EXISTS,
                 DUPLICATE_ORDER_ID, INSUFFICIENT_AVAILABLE, INSUFFICIENT_FUNDS, INSUFFICIENT_POSITION,
                 POSITION_LIMIT, OPEN_ORDER_LIMIT, ALREADY_SETTLED, SETTLEMENT_OPEN_ORDERS,
                 EXCHANGE_DUPLICATE_CLIENT_ORDER_ID, EXCHANGE_USER_EXISTS, INSTRUMENT_NOT_TRADABLE, BOOK_WRONG_PHASE,
                 VENUE_NO_MARKET_PRICE -> HttpResponseStatus.CONFLICT;
            default -> HttpResponseStatus.BAD_REQUEST;
        };
    }
}
