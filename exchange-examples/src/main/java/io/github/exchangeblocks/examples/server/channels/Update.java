package io.github.exchangeblocks.examples.server.channels;

import io.netty.buffer.ByteBuf;

/**
 * One encoded channel message for every subscriber of a topic: the body is written once on the engine thread and
 * each subscriber's connection puts it behind its own sequence prefix (a copy of its bytes when small, a retained
 * duplicate when large, see {@link ChannelConnection#send}). Whoever holds an update owns one reference to its body
 * and releases it when done.
 *
 * @param topic the topic key ({@link ChannelName#topic})
 * @param body  the message body, without its opening brace (see {@link MessageWriter})
 */
record Update(String topic, ByteBuf body) {
}
