package io.github.exchangeblocks.examples.server;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test opened (servers, clients, drivers), closed after each test in the reverse order of opening; every one
 * is closed even if another's close fails (the first failure is thrown, the others suppressed into it). Register it
 * on an instance field with {@code @RegisterExtension}. Test thread only.
 */
public final class OpenResources implements AfterEachCallback {
    private final List<AutoCloseable> open = new ArrayList<>();

    /**
     * @param resource to close after the test, not {@code null}
     * @return {@code resource}
     */
    public <T extends AutoCloseable> T add(T resource) {
        open.add(resource);
        return resource;
    }

    /** @param resource a resource the test closed itself: not closed again */
    public void remove(AutoCloseable resource) {
        open.remove(resource);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception failure = null;
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
