package io.github.exchangeblocks.examples.server.diff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserStoreTest {
    @TempDir
    Path dir;

    @Test
    void shouldStoreOnlySaltedHashesAndVerifyPasswordsWhenCreatingTheFile() throws Exception {
        Path file = dir.resolve("users.txt");
        UserStore store = UserStore.openOrCreate(file, Map.of("alice", "alice123"), 1000);
        String text = Files.readString(file);
        assertThat(text).contains("alice:pbkdf2-sha256:1000:").doesNotContain("alice123");
        assertThat(store.verify("alice", "alice123")).isTrue();
        assertThat(store.verify("alice", "alice124")).isFalse();
        assertThat(store.verify("alice", "")).isFalse();
        assertThat(store.verify("mallory", "alice123")).isFalse();
        assertThat(store.contains("alice")).isTrue();
        assertThat(store.contains("mallory")).isFalse();
    }

    @Test
    void shouldKeepTheFileAndItsHashesWhenReopened() throws Exception {
        Path file = dir.resolve("users.txt");
        UserStore.openOrCreate(file, Map.of("bob", "bob123"), 1000);
        String before = Files.readString(file);
        UserStore reopened = UserStore.openOrCreate(file, Map.of("bob", "other"), 2000);
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(reopened.verify("bob", "bob123")).isTrue();
        assertThat(reopened.users()).containsExactly("bob");
    }

    @Test
    void shouldAppendARegisteredUserThatIsKeptWhenReopened() throws Exception {
        Path file = dir.resolve("users.txt");
        UserStore store = UserStore.openOrCreate(file, Map.of("bob", "bob123"), 1000);
        assertThat(store.add("carol", "carol-secret")).isTrue();
        assertThat(store.add("carol", "other")).isFalse();
        assertThat(store.add("bob", "takeover")).isFalse();
        assertThatThrownBy(() -> store.add("a:b", "x")).hasMessageContaining("user name=a:b");
        assertThat(store.verify("carol", "carol-secret")).isTrue();
        assertThat(store.verify("bob", "takeover")).isFalse();
        assertThat(Files.readString(file)).doesNotContain("carol-secret");
        UserStore reopened = UserStore.openOrCreate(file, Map.of(), 1000);
        assertThat(reopened.users()).containsExactly("bob", "carol");
        assertThat(reopened.verify("carol", "carol-secret")).isTrue();
    }

    @Test
    void shouldSaltEachUserDifferentlyWhenPasswordsAreEqual() throws Exception {
        Path file = dir.resolve("users.txt");
        UserStore.openOrCreate(file, Map.of("a", "same", "b", "same"), 1000);
        String[] lines = Files.readString(file).lines().filter(l -> !l.startsWith("#")).toArray(String[]::new);
        assertThat(lines).hasSize(2);
        assertThat(lines[0].split(":")[3]).isNotEqualTo(lines[1].split(":")[3]);
        assertThat(lines[0].split(":")[4]).isNotEqualTo(lines[1].split(":")[4]);
    }

    @Test
    void shouldNameTheLineWhenTheFileIsMalformed() throws Exception {
        Path file = dir.resolve("users.txt");
        Files.writeString(file, "# users\nalice:plain:secret\n");
        assertThatThrownBy(() -> UserStore.openOrCreate(file, Map.of(), 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("users file line 2");
    }
}
