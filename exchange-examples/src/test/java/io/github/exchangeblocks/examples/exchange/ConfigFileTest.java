package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.wal.DurabilityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadTheSampleAsTheEmbeddedDefaultsWhenParsed() throws Exception {
        String sample;
        try (InputStream in = ConfigFile.class.getResourceAsStream("/exchange.sample.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CoreConfig config = ConfigFile.parse(sample, dir);
        CoreConfig defaults = Defaults.config(dir);
        assertThat(config.bootstrap()).isEqualTo(defaults.bootstrap());
        assertThat(config.durability()).isEqualTo(DurabilityMode.GROUP);
        assertThat(config.queueSize()).isEqualTo(defaults.queueSize());
        assertThat(config.snapshotInterval()).isEqualTo(defaults.snapshotInterval());
    }

    @Test
    void shouldUseDefaultsForMissingKeysWhenTheFileIsEmpty() {
        CoreConfig config = ConfigFile.parse("{\"durability\": \"NONE\"}", dir);
        assertThat(config.durability()).isEqualTo(DurabilityMode.NONE);
        assertThat(config.bootstrap()).isEqualTo(Defaults.config(dir).bootstrap());
    }

    @Test
    void shouldNameTheKeyAndTheRuleWhenTheFileIsBad() {
        assertThatThrownBy(() -> ConfigFile.parse("{\"durabilty\": \"NONE\"}", dir))
                .hasMessageContaining("durabilty is not a configuration key");
        assertThatThrownBy(() -> ConfigFile.parse("{\"durability\": \"FAST\"}", dir))
                .hasMessage("durability=\"FAST\" must be one of [NONE, GROUP, SYNC_EACH]");
        assertThatThrownBy(() -> ConfigFile.parse("{\"queueSize\": 1000}", dir))
                .hasMessage("queueSize=1000 must be a power of two in 64..4194304");
        assertThatThrownBy(() -> ConfigFile.parse("{\"queueSize\": 1.5}", dir))
                .hasMessage("queueSize=1.5 must be a whole number");
        assertThatThrownBy(() -> ConfigFile.parse("{\"instruments\": [{\"tickSize\": 1}]}", dir))
                .hasMessage("instruments[0].id must be a non-blank string");
        assertThatThrownBy(() -> ConfigFile.parse("{\"users\": [{\"name\": \"a\", \"cash\": 1}]}", dir))
                .hasMessageContaining("users[0].cash is not a configuration key");
        assertThatThrownBy(() -> ConfigFile.parse("{\"durability\": ", dir))
                .hasMessageStartingWith("configuration is not valid JSON at line 1");
        assertThatThrownBy(() -> ConfigFile.parse("[]", dir)).hasMessage("configuration must be a JSON object");
    }

    @Test
    void shouldJournalNothingWhenABootstrapInstrumentIsRefused() {
        CoreConfig config = ConfigFile.parse("{\"instruments\": [{\"id\": \"SHFE.cu2512\", \"tickSize\": 0}]}", dir);
        assertThatThrownBy(() -> ExchangeCore.start(config, new ExchangeListener() {
        }, () -> 1L)).hasMessageContaining("is refused").hasMessageContaining("nothing was journaled");
        try (ExchangeCore core = ExchangeCore.start(Defaults.config(dir), new ExchangeListener() {
        }, () -> 1L)) {
            assertThat(core.appliedSequence()).isEqualTo(10);
        }
    }
}
