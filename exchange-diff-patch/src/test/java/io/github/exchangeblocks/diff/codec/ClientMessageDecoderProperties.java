package io.github.exchangeblocks.diff.codec;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

class ClientMessageDecoderProperties {

    @Property(tries = 2000)
    void shouldNeverThrowWhenDecodingArbitraryText(@ForAll String text) {
        assertThat(ClientMessageDecoder.decode(text)).isNotNull();
        assertThat(ClientMessageDecoder.decode("{\"aid\":\"insert_order\",\"volume\":" + text + "}")).isNotNull();
    }

    @Property(tries = 1000)
    void shouldNeverThrowWhenFieldsHaveArbitraryValues(@ForAll String value, @ForAll long number) {
        String[] aids = {"req_login", "subscribe_quote", "set_chart", "insert_order", "cancel_order",
                "req_transfer", "confirm_settlement", "peek_message"};
        for (String aid : aids) {
            String json = "{\"aid\":\"" + aid + "\",\"user_name\":" + number + ",\"ins_list\":\""
                    + value.replace("\\", "").replace("\"", "") + "\",\"volume\":" + number + ",\"duration\":"
                    + number + ",\"amount\":" + number + "}";
            assertThat(ClientMessageDecoder.decode(json)).isNotNull();
        }
    }
}
