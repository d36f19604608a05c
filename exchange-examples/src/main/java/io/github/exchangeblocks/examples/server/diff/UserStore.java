package io.github.exchangeblocks.examples.server.diff;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The users who may log in, read from a text file that holds only salted PBKDF2 hashes (JDK
 * {@code PBKDF2WithHmacSHA256}), one user a line:
 *
 * <pre>
 * # comment
 * alice:pbkdf2-sha256:600000:&lt;salt, base64&gt;:&lt;hash, base64&gt;
 * </pre>
 *
 * {@link #openOrCreate} writes the file with the demo users when it does not exist (owner-only permissions where the
 * file system has POSIX permissions). Thread-safe: {@link #add} appends a registered user, {@link #verify} may run on
 * any thread; it costs
 * one PBKDF2 derivation (tens to hundreds of milliseconds), so callers run it off I/O threads. Unknown users cost
 * the same as known ones, so timing does not tell which names exist.
 */
public final class UserStore {
    /** The iteration count written for new users: OWASP's recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final Path file;
    private final int iterations;
    private final Map<String, Entry> users;
    private final Entry dummy;

    private UserStore(Path file, Map<String, Entry> users, int dummyIterations) {
        this.file = file;
        this.iterations = dummyIterations;
        this.users = Collections.synchronizedMap(users);
        this.dummy = new Entry(dummyIterations, new byte[SALT_BYTES], new byte[HASH_BITS / 8]);
    }

    /**
     * Reads the users file, first creating it with {@code initialUsers} (name to password) if it does not exist.
     *
     * @param file         the users file
     * @param initialUsers the users of a new file, in order; their passwords are hashed, never written
     * @param iterations   PBKDF2 iterations for the hashes of a new file, {@code >= 1000}
     * @return the store
     * @throws UncheckedIOException     if the file cannot be read or written
     * @throws IllegalArgumentException if a line of the file is malformed (the message names the line)
     */
    public static UserStore openOrCreate(Path file, Map<String, String> initialUsers, int iterations) {
        if (iterations < 1000) {
            throw new IllegalArgumentException("iterations=" + iterations + " must be >= 1000");
        }
        try {
            if (!Files.exists(file)) {
                create(file, initialUsers, iterations);
            }
            return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8), iterations);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the users file " + file, e);
        }
    }

    /**
     * Checks a password.
     *
     * @param user     the user name
     * @param password the password as sent
     * @return {@code true} if the user exists and the password matches
     */
    public boolean verify(String user, String password) {
        Entry entry = users.get(user);
        Entry check = entry == null ? dummy : entry;
        byte[] derived = derive(password, check.salt, check.iterations);
        return MessageDigest.isEqual(derived, check.hash) && entry != null;
    }

    /**
     * @param user a user name
     * @return whether the file names the user
     */
    public boolean contains(String user) {
        return users.containsKey(user);
    }

    /** @return the user names in file order */
    public List<String> users() {
        synchronized (users) {
            return new ArrayList<>(users.keySet());
        }
    }

    /**
     * Adds a user (self-registration): hashes the password with the store's iteration count and appends the line
     * to the users file, synchronously written. Costs one PBKDF2 derivation: call it off I/O threads.
     *
     * @param user     the new user's name, 1..64 of {@code [A-Za-z0-9_.-]}
     * @param password the password
     * @return {@code false} if the user already exists (nothing written)
     * @throws IllegalArgumentException if the name breaks the rule
     * @throws UncheckedIOException     if the file cannot be appended
     */
    public synchronized boolean add(String user, String password) {
        requireValidName(user);
        if (users.containsKey(user)) {
            return false;
        }
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        String line = user + ":" + SCHEME + ":" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash) + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the users file " + file, e);
        }
        users.put(user, new Entry(iterations, salt, hash));
        return true;
    }

    private static void create(Path file, Map<String, String> initialUsers, int iterations) throws IOException {
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder("# exchange-blocks users: name:" + SCHEME
                + ":iterations:salt:hash (base64). Passwords are never stored.\n");
        for (Map.Entry<String, String> user : initialUsers.entrySet()) {
            requireValidName(user.getKey());
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            byte[] hash = derive(user.getValue(), salt, iterations);
            text.append(user.getKey()).append(':').append(SCHEME).append(':').append(iterations).append(':')
                    .append(Base64.getEncoder().encodeToString(salt)).append(':')
                    .append(Base64.getEncoder().encodeToString(hash)).append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the file keeps the directory's default permissions.
        }
        try {
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temp);
        }
    }

    private static UserStore parse(Path file, List<String> lines, int dummyIterations) {
        Map<String, Entry> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", -1);
            String where = "users file line " + (i + 1);
            if (parts.length != 5 || !SCHEME.equals(parts[1])) {
                throw new IllegalArgumentException(where + " must be name:" + SCHEME + ":iterations:salt:hash");
            }
            requireValidName(parts[0]);
            int iterations;
            try {
                iterations = Integer.parseInt(parts[2]);
                users.put(parts[0], new Entry(iterations, Base64.getDecoder().decode(parts[3]),
                        Base64.getDecoder().decode(parts[4])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " has a malformed number or base64 field", e);
            }
            if (iterations < 1000) {
                throw new IllegalArgumentException(where + ": iterations=" + iterations + " must be >= 1000");
            }
        }
        return new UserStore(file, users, dummyIterations);
    }

    private static void requireValidName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.\\-]{1,64}")) {
            throw new IllegalArgumentException("user name=" + name + " must be 1..64 of [A-Za-z0-9_.-]");
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(Objects.requireNonNull(password).toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Entry(int iterations, byte[] salt, byte[] hash) {
    }
}
