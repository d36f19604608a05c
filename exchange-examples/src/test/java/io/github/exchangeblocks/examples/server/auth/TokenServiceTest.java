package io.github.exchangeblocks.examples.server.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenServiceTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final TokenService tokens = new TokenService(SECRET, 60, clock::get);

    @Test
    void shouldAcceptItsOwnTokenUntilItExpires() {
        TokenService.Issued issued = tokens.issue("alice", false);
        assertThat(tokens.verify(issued.token())).isEqualTo(new Principal("alice", false, 1_000_060));
        clock.set(1_000_059);
        assertThat(tokens.verify(issued.token())).isNotNull();
        clock.set(1_000_060);
        assertThat(tokens.verify(issued.token())).isNull();
    }

    @Test
    void shouldCarryTheAdminRole() {
        assertThat(tokens.verify(tokens.issue("admin", true).token()).admin()).isTrue();
    }

    @Test
    void shouldRefuseATokenWhosePayloadWasChanged() {
        String token = tokens.issue("alice", false).token();
        String signature = token.substring(token.indexOf('.'));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "v1:alice:admin:1000060".getBytes(StandardCharsets.US_ASCII)) + signature;
        assertThat(tokens.verify(forged)).isNull();
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherSecret() {
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        String token = new TokenService(other, 60, clock::get).issue("alice", false).token();
        assertThat(tokens.verify(token)).isNull();
    }

    @Test
    void shouldRefuseMalformedTokens() {
        for (String token : new String[] {null, "", ".", "abc", "a.b.c", "!!!.???", "x".repeat(600)}) {
            assertThat(tokens.verify(token)).as(String.valueOf(token)).isNull();
        }
    }

    @Test
    void shouldRefuseAShortSecretAndABadUserName() {
        assertThatThrownBy(() -> new TokenService(new byte[16], 60, clock::get))
                .hasMessageContaining("secret length=16 must be >= 32");
        assertThatThrownBy(() -> tokens.issue("a:b", false)).hasMessageContaining("user=a:b");
    }

    @Test
    void shouldKeepTheGeneratedSecretAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret");
        byte[] first = ServerSecret.loadOrCreate(file);
        assertThat(first).hasSize(ServerSecret.SECRET_BYTES);
        assertThat(ServerSecret.loadOrCreate(file)).isEqualTo(first);
        Files.writeString(file, "c2hvcnQ=\n");
        assertThatThrownBy(() -> ServerSecret.loadOrCreate(file)).hasMessageContaining("must be >= 32 bytes");
    }
}
