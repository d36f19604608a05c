/**
 * Contracts of exchange-blocks: value types, listener and service interfaces, and reject codes.
 * Depends on nothing but {@code java.base}.
 */
module io.github.exchangeblocks.api {
    exports io.github.exchangeblocks.api;
    exports io.github.exchangeblocks.api.book;
    exports io.github.exchangeblocks.api.instrument;
    exports io.github.exchangeblocks.api.account;
    exports io.github.exchangeblocks.api.risk;
    exports io.github.exchangeblocks.api.settlement;
}
