package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RtnDataWriterTest {

    @Test
    void shouldStreamPatchesInOrderWhenWritingRtnData() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        RtnDataWriter.write(out, List.of((JsonObject) JsonReader.parse("{\"a\":null}"),
                new JsonObject().put("quotes", new JsonObject().put("SHFE.cu2512",
                        new JsonObject().put("last_price", Double.NaN)))));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "{\"aid\":\"rtn_data\",\"data\":[{\"a\":null},{\"quotes\":{\"SHFE.cu2512\":{\"last_price\":\"-\"}}}]}");
    }

    @Test
    void shouldRefuseEmptyDataWhenWritingRtnData() {
        assertThatThrownBy(() -> RtnDataWriter.write(new ByteArrayOutputStream(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one patch");
    }
}
