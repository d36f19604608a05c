/**
 * Contracts of exchange-blocks: value types, listener and service interfaces, and reject codes.
 * Depends on nothing but {@code java.base}.
 */
module io.github.exchangeblocks.api {
    exports io.github.exchangeblocks.api;
    exports io.github.exchangeblocks.api.book;
}
