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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Signing in, out and creating accounts. Failed logins are limited per (username, client address) and per address,
 * so nobody can lock a user out by naming the username alone; a username that can never exist counts only against
 * the address.
 */
public final class AccountService {
  private static final String TOO_MANY = "too many attempts; try again later";
  private final Vertx vertx;
  private final Pool pool;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final Tokens tokens;
  private final SessionGate gate;
  private final Totp totp;
  private final SharedWindowLimiter failuresByUsername;
  private final SharedWindowLimiter failuresByAddress;

  public AccountService(Vertx vertx, Pool pool, UserRepository users, PasswordHasher hasher, Tokens tokens,
                        SessionGate gate, Totp totp, Config.LoginLimits limits) {
    this.vertx = vertx;
    this.pool = pool;
    this.users = users;
    this.hasher = hasher;
    this.tokens = tokens;
    this.gate = gate;
    this.totp = totp;
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

  /** Signs in with a password and, when the account has TOTP on, a current code or an unused recovery code. */
  public Future<Login> login(String username, String password, String code, String address) {
    // Each attempt takes its place in both windows before the password is checked: attempts sent at once would
    // otherwise all pass a limit checked before any of them had failed. A success gives its places back, so
    // successful sign-ins never count. The windows are kept in the database, shared by every node.
    return failuresByAddress.tryAcquire(address).compose(byAddress -> {
      if (byAddress.isEmpty()) {
        return tooMany();
      }
      Optional<String> name = Usernames.normal(username);
      if (name.isEmpty()) {
        return Future.failedFuture(Refusal.unauthenticated("wrong username or password"));
      }
      return failuresByUsername.tryAcquire(name.get() + "|" + address).compose(byName -> {
        if (byName.isEmpty()) {
          return failuresByAddress.release(byAddress.get()).compose(released -> tooMany());
        }
        Supplier<Future<Void>> giveBack = () -> failuresByUsername.release(byName.get())
            .compose(released -> failuresByAddress.release(byAddress.get()));
        return attempt(name.get(), password, code).transform(ar -> {
          if (ar.succeeded()) {
            return giveBack.get().map(v -> new Login(tokens.issue(ar.result().user()), ar.result().user()));
          }
          // A wrong password or code counts; asking for the code, or a failure of the server's own, does not.
          boolean counts = ar.cause() instanceof Refusal r && r.code() != Refusal.Code.TOTP_REQUIRED;
          return (counts ? Future.<Void>succeededFuture() : giveBack.get())
              .compose(v -> Future.<Login>failedFuture(ar.cause()));
        });
      });
    });
  }

  private static Future<Login> tooMany() {
    return Future.failedFuture(Refusal.rateLimited(TOO_MANY));
  }

  /** The account if the password (and, with TOTP on, the code) is its own. */
  private Future<UserRepository.StoredUser> attempt(String username, String password, String code) {
    return users.findByUsername(pool, username)
        .compose(found -> vertx.executeBlocking(
            () -> hasher.verify(password, found.map(UserRepository.StoredUser::passwordHash).orElse(null)), false)
            .map(ok -> ok && found.get().active() ? found.get() : null))
        .compose(account -> {
          if (account == null) {
            return Future.failedFuture(Refusal.unauthenticated("wrong username or password"));
          }
          if (!account.totpEnabled()) {
            return Future.succeededFuture(account);
          }
          if (code == null) {
            return Future.failedFuture(Refusal.totpRequired());
          }
          return totp.verify(account, code).compose(ok -> ok ? Future.succeededFuture(account)
              : Future.failedFuture(Refusal.unauthenticated("wrong username, password or code")));
        });
  }

  public Future<AuthUser> create(String username, String password, String displayName, Role role) {
    return create(username, password, displayName, role, null).map(UserRepository.StoredUser::user);
  }

  public Future<UserRepository.StoredUser> create(String username, String password, String displayName, Role role,
                                                  String email) {
    return vertx.executeBlocking(() -> hasher.hash(password), false)
        .compose(hash -> users.insert(pool, username, displayName, role, hash, email))
        .recover(failure -> Future.failedFuture(SqlErrors.isUniqueViolation(failure)
            ? Refusal.conflict(String.valueOf(failure.getMessage()).contains("email")
                ? "email: already used by another account" : "username: already taken")
            : failure));
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

  /** A new token of the same sign-in, never reaching past {@code sessionMaxHours} from its login. */
  public Future<Tokens.Issued> refresh(Tokens.Verified token) {
    return Future.succeededFuture(tokens.issue(token.user(), token.authTime(), token.sid()));
  }

  /** Ends the token's sign-in: it and every refresh of it are refused from now on. */
  public Future<Void> logout(Tokens.Verified token) {
    return gate.signOut(token, tokens.sessionEnds(token));
  }

  /** Signs the account out everywhere: every token and refresh of it refused, its sockets on every node closed. */
  public Future<Void> logoutEverywhere(Tokens.Verified token) {
    return gate.endAccount(token.user().id());
  }
}
