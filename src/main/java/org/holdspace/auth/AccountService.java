package org.holdspace.auth;

import org.holdspace.core.AuthUser;
import org.holdspace.core.Job;
import org.holdspace.core.Role;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.holdspace.config.Config;
import org.holdspace.db.SqlErrors;
import org.holdspace.core.Refusal;
import org.holdspace.limits.SharedWindowLimiter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Signing in and creating accounts, with failed logins limited per username and per client address. */
public final class AccountService {
  private final Vertx vertx;
  private final Pool pool;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final Tokens tokens;
  private final SharedWindowLimiter failuresByUsername;
  private final SharedWindowLimiter failuresByAddress;

  public AccountService(Vertx vertx, Pool pool, UserRepository users, PasswordHasher hasher, Tokens tokens,
                        Config.LoginLimits limits) {
    this.vertx = vertx;
    this.pool = pool;
    this.users = users;
    this.hasher = hasher;
    this.tokens = tokens;
    long window = limits.windowMinutes() * 60_000L;
    // counted in the database, so that the limits hold over all the nodes of a cluster together
    this.failuresByUsername = new SharedWindowLimiter(pool, "login-username", limits.failuresPerUsername(), window);
    this.failuresByAddress = new SharedWindowLimiter(pool, "login-address", limits.failuresPerAddress(), window);
  }

  /** The jobs that keep the sign-in limits' memory bounded. */
  public List<Job> jobs() {
    return List.of(failuresByUsername.sweeper("Sign-in limit sweep (usernames)"),
        failuresByAddress.sweeper("Sign-in limit sweep (addresses)"));
  }

  /** A successful sign-in: the token, its expiry and the account. */
  public record Login(Tokens.Issued issued, AuthUser user) {
  }

  public Future<Login> login(String username, String password, String address) {
    String userKey = username.toLowerCase(Locale.ROOT);
    // Each attempt takes its place in both windows before the password is checked: attempts sent at once would
    // otherwise all pass a limit checked before any of them had failed. A success gives its places back, so
    // successful sign-ins never count.
    return failuresByUsername.tryAcquire(userKey).compose(byUsername -> byUsername.isEmpty() ? tooMany()
        : failuresByAddress.tryAcquire(address).compose(byAddress -> byAddress.isEmpty()
            ? failuresByUsername.release(byUsername.get()).compose(released -> tooMany())
            : check(username, password).transform(checked -> {
              if (checked.succeeded() && checked.result() == null) {
                return Future.failedFuture(Refusal.unauthenticated("wrong username or password"));
              }
              return failuresByUsername.release(byUsername.get())
                  .compose(released -> failuresByAddress.release(byAddress.get()))
                  .compose(released -> checked.failed() ? Future.failedFuture(checked.cause())
                      : Future.succeededFuture(new Login(tokens.issue(checked.result()), checked.result())));
            })));
  }

  private static Future<Login> tooMany() {
    return Future.failedFuture(Refusal.rateLimited("too many attempts; try again later"));
  }

  /** The account if the password is its own, else null. */
  private Future<AuthUser> check(String username, String password) {
    return users.findByUsername(pool, username)
        .compose(found -> vertx.executeBlocking(
            () -> hasher.verify(password, found.map(UserRepository.StoredUser::passwordHash).orElse(null)), false)
            .map(ok -> ok ? found.get().user() : null));
  }

  public Future<AuthUser> create(String username, String password, String displayName, Role role) {
    return create(username, password, displayName, role, null);
  }

  /** Creates an account with an optional e-mail address (where alert escalations reach a facilitator). */
  public Future<AuthUser> create(String username, String password, String displayName, Role role, String email) {
    return vertx.executeBlocking(() -> hasher.hash(password), false)
        .compose(hash -> users.insert(pool, username, displayName, role, hash, email))
        .recover(failure -> Future.failedFuture(SqlErrors.isUniqueViolation(failure)
            ? Refusal.conflict(String.valueOf(failure.getMessage()).contains("users_email_key")
                ? "email: already used by another account" : "username: already taken") : failure));
  }

  /** Sets a new password on an existing account. */
  public Future<Void> resetPassword(long userId, String password) {
    return vertx.executeBlocking(() -> hasher.hash(password), false)
        .compose(hash -> users.setPassword(pool, userId, hash));
  }

  /** The account with this username (any case), if there is one. */
  public Future<Optional<UserRepository.StoredUser>> find(String username) {
    return users.findByUsername(pool, username);
  }

  public Future<Long> countAdmins() {
    return users.countAdmins(pool);
  }

  public Future<Tokens.Issued> refresh(AuthUser user) {
    return users.findById(pool, user.id()).map(found -> {
      if (found.isEmpty()) {
        throw Refusal.unauthenticated();
      }
      return tokens.issue(found.get().user());
    });
  }
}
