package io.github.exchangeblocks.examples.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token-signing secret kept in a file of the data directory: 32 random bytes, base64 on one line, created on
 * first use with owner-only permissions where the file system has them. Restarting on the same data directory keeps
 * issued tokens valid; deleting the file revokes them all.
 */
public final class ServerSecret {
    /** Bytes of a generated secret (256 bits, the HMAC-SHA256 block's recommended minimum key). */
    public static final int SECRET_BYTES = 32;

    private ServerSecret() {
    }

    /**
     * Reads the secret, creating the file first if it does not exist.
     *
     * @param file the secret's file
     * @return the secret, at least 32 bytes
     * @throws UncheckedIOException     if the file cannot be read or written
     * @throws IllegalArgumentException if the file holds no base64 secret of at least 32 bytes
     */
    public static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " must hold the secret in base64", e);
            }
            if (secret.length < SECRET_BYTES) {
                throw new IllegalArgumentException(file + " holds " + secret.length + " bytes; the secret must be >= "
                        + SECRET_BYTES + " bytes");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token secret " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the file keeps the directory's default permissions.
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temp);
        }
    }
}
