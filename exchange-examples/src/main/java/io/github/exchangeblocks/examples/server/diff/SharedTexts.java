package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.diff.json.JsonString;

import java.util.HashMap;
import java.util.Map;

/**
 * One immutable {@link JsonString} per text of a bounded vocabulary (enum names, user names, the exchange and code
 * parts of listed instruments), shared by every object of the DIFF snapshot that holds it: a day of orders and
 * trades then keeps one copy of {@code "BUY"} or {@code "SHFE"}, not one per member, which is less to allocate per
 * fill and less for the collector to copy. Only texts from a bounded set may be passed (never a client's free
 * text), since entries are never dropped. Engine thread only.
 */
final class SharedTexts {
    private final Map<String, JsonString> texts = new HashMap<>();
    private final Map<String, JsonString[]> symbols = new HashMap<>();

    /** @return the shared string of a text from a bounded vocabulary */
    JsonString of(String text) {
        JsonString shared = texts.get(text);
        if (shared == null) {
            shared = new JsonString(text);
            texts.put(text, shared);
        }
        return shared;
    }

    /** @return the exchange part of a listed instrument's id ({@code SHFE} of {@code SHFE.cu2512}) */
    JsonString exchangeOf(String listedSymbol) {
        return parts(listedSymbol)[0];
    }

    /** @return the code part of a listed instrument's id ({@code cu2512} of {@code SHFE.cu2512}) */
    JsonString codeOf(String listedSymbol) {
        return parts(listedSymbol)[1];
    }

    private JsonString[] parts(String symbol) {
        JsonString[] parts = symbols.get(symbol);
        if (parts == null) {
            parts = new JsonString[] {of(DiffFields.exchangeOf(symbol)), of(DiffFields.codeOf(symbol))};
            symbols.put(symbol, parts);
        }
        return parts;
    }
}
