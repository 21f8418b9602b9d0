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
import java.util.Optional;

/**
 * Whether a verified token's account and sign-in still stand. The answer comes from PostgreSQL, kept by this node for
 * at most {@link SignInCache#TTL_SECONDS} seconds: ending sign-ins (deactivation, role or password change, sign-out,
 * sign-out everywhere) and other account changes forget the account's cached answers at once on this node and, over
 * the event bus, on every other. The account's open sockets are told on the account's address (a frame with the
 * {@link #END_HEADER} header naming which sockets it ends).
 */
public final class SessionGate implements Tokens.Check {
  /** Event-bus header of a frame that ends sockets: {@code account} (all of the account's) or {@code sid:<sid>}. */
  public static final String END_HEADER = "holdspace.end";

  private final Vertx vertx;
  private final Pool pool;
  private final SignInStore store;
  private final SignInCache cache = new SignInCache();

  public SessionGate(Vertx vertx, Pool pool, SignInStore store) {
    this.vertx = vertx;
    this.pool = pool;
    this.store = store;
    vertx.eventBus().<Long>consumer(Addresses.signInsChanged(), m -> cache.forget(m.body()));
  }

  @Override
  public Future<Tokens.Verified> check(Tokens.Verified token) {
    return state(token.user().id(), token.sid()).map(found -> {
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

  private Future<Optional<SignInStore.State>> state(long userId, String sid) {
    SignInStore.State cached = cache.get(userId, sid);
    if (cached != null) {
      return Future.succeededFuture(Optional.of(cached));
    }
    long readAt = cache.generation();
    return store.state(pool, userId, sid).onSuccess(found -> found.ifPresent(s -> cache.put(userId, sid, s, readAt)));
  }

  /**
   * Forgets what every node cached of the account's sign-ins (at once on this one), after a change that the next
   * token check must see: TOTP turned on or off, a new name.
   */
  public void changed(long userId) {
    cache.forget(userId);
    vertx.eventBus().publish(Addresses.signInsChanged(), userId);
  }

  /** Voids every token of the account issued until now and closes its open sockets. */
  public Future<Void> endAccount(long userId) {
    return store.endTokens(pool, userId, Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .onSuccess(v -> {
          changed(userId);
          tell(userId, "account");
        });
  }

  /** Ends one sign-in (the token's login and all its refreshes) and closes the sockets it opened. */
  public Future<Void> signOut(Tokens.Verified token, Instant sessionEnds) {
    return store.revoke(pool, token.sid(), sessionEnds).onSuccess(v -> {
      changed(token.user().id());
      tell(token.user().id(), "sid:" + token.sid());
    });
  }

  private void tell(long userId, String which) {
    JsonObject frame = new JsonObject().put("type", "error").put("code", "unauthenticated")
        .put("message", "this sign-in has ended");
    vertx.eventBus().publish(Addresses.user(userId), frame, new DeliveryOptions().addHeader(END_HEADER, which));
  }
}
