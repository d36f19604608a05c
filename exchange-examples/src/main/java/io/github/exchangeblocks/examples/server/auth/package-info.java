/**
 * Bearer tokens of the exchange server: after a password check against the users file, a user receives a token
 * signed with HMAC-SHA256 under a server secret (JDK crypto), naming the user, its role and when it expires. The
 * HTTP API and the DIFF login accept it in place of the password.
 */
package io.github.exchangeblocks.examples.server.auth;
