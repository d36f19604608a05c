package io.github.exchangeblocks.examples.server.channels;

import io.netty.buffer.ByteBuf;

/**
 * One encoded channel message for every subscriber of a topic: the body is written once on the engine thread and
 * each subscriber gets a retained duplicate of it behind its own sequence prefix. Whoever holds an update owns one
 * reference to its body and releases it when done.
 *
 * @param topic the topic key ({@link ChannelName#topic})
 * @param body  the message body, without its opening brace (see {@link MessageWriter})
 */
record Update(String topic, ByteBuf body) {
}
