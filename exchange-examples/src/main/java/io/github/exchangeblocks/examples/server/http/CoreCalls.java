package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeBackend;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * How endpoints reach the core without blocking: a write is submitted as a command and answered from its result;
 * a read runs on the engine thread ({@link ExchangeBackend#query}) and answers with the small JSON tree it copies.
 * A full ring answers 503 at once. Nothing here waits.
 */
final class CoreCalls {
    private static final System.Logger LOG = System.getLogger(CoreCalls.class.getName());

    /**
     * A read of the state on the engine thread; it must copy what it returns and must not block. It returns
     * {@code null} when it has handed the call on (for example to a command it submitted), which then answers.
     */
    @FunctionalInterface
    interface Reader {
        JsonNode read(ExchangeState state) throws ApiException;
    }

    private final ExchangeBackend core;

    CoreCalls(ExchangeBackend core) {
        this.core = core;
    }

    /**
     * Submits a command; once applied, answers with {@code onAccepted}'s tree (read on the engine thread right after
     * the command), or with the reject as an error.
     */
    void submit(ApiCall call, ExchangeCommand command, Reader onAccepted) {
        RejectCode refused = core.submit(command, (correlationId, sequence, code, message) -> {
            if (code != null) {
                call.fail(RejectStatus.toException(code, message));
            } else {
                answer(call, onAccepted);
            }
        }, 0);
        if (refused != null) {
            call.fail(refusal(refused));
        }
    }

    /** Reads the state on the engine thread and answers with the result. */
    void read(ApiCall call, Reader reader) {
        RejectCode refused = core.query(state -> answer(call, reader));
        if (refused != null) {
            call.fail(refusal(refused));
        }
    }

    /**
     * @param refused why the core did not take a command or read ({@code EXCHANGE_BUSY} or {@code EXCHANGE_STOPPED})
     * @return the error that answers the call (503 for a full queue)
     */
    static ApiException refusal(RejectCode refused) {
        return RejectStatus.toException(refused, refused == RejectCode.EXCHANGE_BUSY
                ? "the engine queue is full, retry later" : "the engine is stopped");
    }

    private void answer(ApiCall call, Reader reader) {
        try {
            JsonNode result = reader.read(core.state());
            if (result != null) {
                call.reply(result);
            }
        } catch (ApiException e) {
            call.fail(e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "HTTP read failed; the engine goes on", e);
            call.reply(HttpResponseStatus.INTERNAL_SERVER_ERROR, ApiCall.errorBody("INTERNAL_ERROR",
                    "the server failed to read the state: " + e.getClass().getSimpleName()));
        }
    }
}
