/**
 * The DIFF protocol for exchange-blocks: a small exact JSON value model read and written with jackson-core's
 * streaming API, an RFC 7396 JSON Merge Patch engine (apply, diff, compose, in-place apply), the snapshot
 * manager that keeps every client's copy of its business snapshot up to date through peek/rtn_data, and the
 * codec for client messages. Jackson's streaming types appear in signatures (embedding in a host's own
 * parser/generator), hence the transitive requirement.
 */
module io.github.exchangeblocks.diff {
    requires transitive io.github.exchangeblocks.api;
    requires transitive com.fasterxml.jackson.core;

    exports io.github.exchangeblocks.diff.json;
    exports io.github.exchangeblocks.diff.patch;
    exports io.github.exchangeblocks.diff.codec;
    exports io.github.exchangeblocks.diff.snapshot;
}
