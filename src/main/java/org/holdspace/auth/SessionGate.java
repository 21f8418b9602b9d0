package org.holdspace.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.core.Addresses;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.core.Role;
import org.holdspace.db.SqlErrors;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Whether a verified token's account and sign-in still stand, asked of PostgreSQL on each verification so that a
 * deactivation, password change or sign-out holds on every node at once; and ending sign-ins, which also tells the
 * account's open sockets on every node (a frame on the account's address with the {@link #END_HEADER} header
 * naming which sockets it ends).
 */
public final class SessionGate implements Tokens.Check {
  /** Event-bus header of a frame that ends sockets: {@code account} (all of the account's) or {@code sid:<sid>}. */
  public static final String END_HEADER = "holdspace.end";

  private final Vertx vertx;
  private final Pool pool;
  private final SignInStore store;

  public SessionGate(Vertx vertx, Pool pool, SignInStore store) {
    this.vertx = vertx;
    this.pool = pool;
    this.store = store;
  }

  @Override
  public Future<Tokens.Verified> check(Tokens.Verified token) {
    return store.state(pool, token.user().id(), token.sid()).map(found -> {
      SignInStore.State s = found.orElseThrow(Refusal::unauthenticated);
      if (!s.active() || s.revoked()
          || (s.tokensValidAfter() != null && !token.issuedAt().isAfter(s.tokensValidAfter()))) {
        throw Refusal.unauthenticated("this sign-in has ended");
      }
      // The account as it is now: an admin's change of name or role holds from the next call on.
      AuthUser current = new AuthUser(token.user().id(), s.username(), s.displayName(), Role.fromWire(s.role()));
      return new Tokens.Verified(current, token.sid(), token.issuedAt(), token.expiresAt(), token.authTime(),
          s.totpEnabled());
    }).recover(e -> Future.failedFuture(SqlErrors.isUnavailable(e)
        ? Refusal.unavailable("the database is unavailable; try again shortly") : e));
  }

  /** Voids every token of the account issued until now and closes its open sockets. */
  public Future<Void> endAccount(long userId) {
    return store.endTokens(pool, userId, Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .onSuccess(v -> tell(userId, "account"));
  }

  /** Ends one sign-in (the token's login and all its refreshes) and closes the sockets it opened. */
  public Future<Void> signOut(Tokens.Verified token, Instant sessionEnds) {
    return store.revoke(pool, token.sid(), sessionEnds).onSuccess(v -> tell(token.user().id(), "sid:" + token.sid()));
  }

  private void tell(long userId, String which) {
    JsonObject frame = new JsonObject().put("type", "error").put("code", "unauthenticated")
        .put("message", "this sign-in has ended");
    vertx.eventBus().publish(Addresses.user(userId), frame, new DeliveryOptions().addHeader(END_HEADER, which));
  }
}
