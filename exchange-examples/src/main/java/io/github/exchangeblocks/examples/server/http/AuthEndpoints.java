package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.server.auth.TokenService;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

/**
 * {@code POST /api/auth/login}: checks the user's DIFF password (off the I/O thread: a PBKDF2 derivation) and
 * answers a signed token with the user's role. The same answer for an unknown user and a wrong password; failures
 * count towards the per-user lockout DIFF logins share (429 while locked out).
 * {@code POST /api/auth/register} opens a user when the configuration allows it.
 */
final class AuthEndpoints {
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final int MIN_PASSWORD = 8;
    private final ApiContext context;

    private AuthEndpoints(ApiContext context) {
        this.context = context;
    }

    static void register(Router router, ApiContext context) {
        AuthEndpoints endpoints = new AuthEndpoints(context);
        router.add("POST", "/api/auth/login", Access.PUBLIC, "Log in with the DIFF user name and password; "
                + "answers a bearer token", List.of(), List.of("user_name", "password"), endpoints::login);
        router.add("POST", "/api/auth/register", Access.PUBLIC, "Opens a user and its account when the server allows "
                + "registration; the password logs in over HTTP and DIFF", List.of(), List.of("user_name", "password"),
                endpoints::register);
        router.add("GET", "/api/auth/whoami", Access.USER, "The token's user, role and expiry", List.of(),
                List.of(), endpoints::whoami);
    }

    private void login(ApiCall call) throws ApiException {
        Fields body = call.body();
        String user = body.text("user_name", 64);
        String password = body.text("password", 256);
        try {
            context.authExecutor.execute(() -> {
                Boolean right = context.passwords.checkPassword(user, password);
                if (right == null) {
                    call.fail(new ApiException(HttpResponseStatus.TOO_MANY_REQUESTS, "LOGIN_LOCKED",
                            "user_name=" + user + " has too many failed logins; try again later"));
                    return;
                }
                if (!right) {
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

    private void register(ApiCall call) throws ApiException {
        if (!context.config.registrationAllowed()) {
            throw new ApiException(HttpResponseStatus.FORBIDDEN, "REGISTRATION_CLOSED",
                    "registration must be enabled in the server's configuration");
        }
        Fields body = call.body();
        String user = body.text("user_name", 64);
        if (!USER_NAME.matcher(user).matches()) {
            throw ApiException.badRequest("user_name=" + user + " must be 1..64 of [A-Za-z0-9_.-]");
        }
        String password = body.text("password", 256);
        if (password.length() < MIN_PASSWORD) {
            throw ApiException.badRequest("password must be " + MIN_PASSWORD + "..256 characters");
        }
        if (context.users.contains(user)) {
            throw new ApiException(HttpResponseStatus.CONFLICT, "USER_EXISTS", "user_name=" + user
                    + " is already taken");
        }
        // The account is opened first (the core refuses a name it knows), then the password is written: a name the
        // exchange already has can never be claimed with a new password.
        context.calls.submit(call, new ExchangeCommand.RegisterUser(user), state -> {
            try {
                context.authExecutor.execute(() -> {
                    if (context.users.add(user, password)) {
                        call.reply(Json.object().put("user_id", user));
                    } else {
                        call.fail(new ApiException(HttpResponseStatus.CONFLICT, "USER_EXISTS", "user_name=" + user
                                + " is already taken"));
                    }
                });
            } catch (RejectedExecutionException e) {
                call.fail(new ApiException(HttpResponseStatus.SERVICE_UNAVAILABLE, "BUSY", "user_name=" + user
                        + " has an account but no password yet: too many logins at once, register again later"));
            }
            return null;
        });
    }

    private void whoami(ApiCall call) {
        call.reply(Json.object().put("user_id", call.user()).put("role", call.principal().admin() ? "admin" : "user")
                .put("expires_at", call.principal().expiresAtSec()));
    }
}
