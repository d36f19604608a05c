/**
 * The DIFF message codec: typed, validated decoding of every client {@code aid} (streaming, without an intermediate
 * tree, for the flat frames clients send), error notifications for what cannot be decoded, and the streaming
 * {@code rtn_data} writer.
 */
package io.github.exchangeblocks.diff.codec;
