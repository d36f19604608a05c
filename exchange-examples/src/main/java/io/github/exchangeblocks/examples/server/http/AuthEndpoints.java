package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.examples.server.auth.TokenService;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code POST /api/auth/login}: checks the user's DIFF password (off the I/O thread: a PBKDF2 derivation) and
 * answers a signed token with the user's role. The same answer for an unknown user and a wrong password.
 */
final class AuthEndpoints {
    private final ApiContext context;

    private AuthEndpoints(ApiContext context) {
        this.context = context;
    }

    static void register(Router router, ApiContext context) {
        AuthEndpoints endpoints = new AuthEndpoints(context);
        router.add("POST", "/api/auth/login", Access.PUBLIC, "Log in with the DIFF user name and password; "
                + "answers a bearer token", List.of(), List.of("user_name", "password"), endpoints::login);
        router.add("GET", "/api/auth/whoami", Access.USER, "The token's user, role and expiry", List.of(),
                List.of(), endpoints::whoami);
    }

    private void login(ApiCall call) throws ApiException {
        Fields body = call.body();
        String user = body.text("user_name", 64);
        String password = body.text("password", 256);
        try {
            context.authExecutor.execute(() -> {
                if (!context.users.verify(user, password)) {
                    call.fail(new ApiException(HttpResponseStatus.UNAUTHORIZED, "LOGIN_FAILED",
                            "user_name or password is wrong"));
                    return;
                }
                TokenService.Issued issued = context.tokens.issue(user, context.config.adminUsers().contains(user));
                call.reply(Json.object().put("token", issued.token()).put("token_type", "Bearer")
                        .put("user_id", user).put("role", issued.principal().admin() ? "admin" : "user")
                        .put("expires_at", issued.principal().expiresAtSec()));
            });
        } catch (RejectedExecutionException e) {
            throw new ApiException(HttpResponseStatus.SERVICE_UNAVAILABLE, "BUSY",
                    "too many logins at once, retry later");
        }
    }

    private void whoami(ApiCall call) {
        call.reply(Json.object().put("user_id", call.user()).put("role", call.principal().admin() ? "admin" : "user")
                .put("expires_at", call.principal().expiresAtSec()));
    }
}
