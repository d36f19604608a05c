/**
 * A small JSON value model with exact numbers and insertion-ordered objects, read and written with
 * jackson-core's streaming API (no data binding).
 *
 * <p>Scalars ({@link io.github.exchangeblocks.diff.json.JsonNull}, {@link io.github.exchangeblocks.diff.json.JsonBoolean},
 * {@link io.github.exchangeblocks.diff.json.JsonNumber}, {@link io.github.exchangeblocks.diff.json.JsonString}) and
 * {@link io.github.exchangeblocks.diff.json.JsonArray} are immutable and may be shared freely between threads and
 * documents. {@link io.github.exchangeblocks.diff.json.JsonObject} is mutable so that patches can be applied in
 * place; an object shared between threads, or between documents (the copying merge patch shares the subtrees a
 * patch does not touch), must not be mutated after publication: copy on write. Integers are kept as {@code long},
 * decimals as {@link java.math.BigDecimal}; a non-finite double never becomes a JSON token, it is written as the
 * string {@code "-"} as DIFF clients expect.
 */
package io.github.exchangeblocks.diff.json;
