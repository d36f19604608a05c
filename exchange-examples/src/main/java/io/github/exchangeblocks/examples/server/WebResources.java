package io.github.exchangeblocks.examples.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The web page's static files, read from the class path under {@code web/} (in the jar: {@code src/main/resources/web}).
 * A request path maps to a file only if every segment is a plain name ({@code [A-Za-z0-9_-]} and dots, not starting
 * with a dot) and the last one ends in a known extension, so no path can climb out of {@code web/}, reach a
 * directory or serve a file of unknown type; {@code /} is {@code /index.html}. Files are read once and kept.
 * Thread-safe.
 */
final class WebResources {
    private static final String ROOT = "web";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=UTF-8");

    /** A file to send: its bytes (not to be modified) and its {@code Content-Type}. */
    record Resource(byte[] bytes, String contentType) {
    }

    private final ClassLoader loader;
    private final ConcurrentMap<String, Resource> loaded = new ConcurrentHashMap<>();

    /** @param loader where the {@code web/} files are */
    WebResources(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * @param path a decoded request path, e.g. {@code /app.js}
     * @return the file, or {@code null} if the path names none (unknown, not allowed, or a directory)
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    Resource find(String path) {
        String name = "/".equals(path) ? "/index.html" : path;
        String type = contentType(name);
        if (type == null) {
            return null;
        }
        Resource known = loaded.get(name);
        if (known != null) {
            return known;
        }
        try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return null;
            }
            Resource read = new Resource(in.readAllBytes(), type);
            loaded.putIfAbsent(name, read);
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web resource " + name, e);
        }
    }

    /** The content type for an allowed path, or {@code null} if the path is not one this server serves. */
    static String contentType(String path) {
        if (!path.startsWith("/") || path.length() > 200) {
            return null;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                return null;
            }
        }
        String last = segments[segments.length - 1];
        int dot = last.lastIndexOf('.');
        return dot < 0 ? null : CONTENT_TYPES.get(last.substring(dot + 1));
    }
}
