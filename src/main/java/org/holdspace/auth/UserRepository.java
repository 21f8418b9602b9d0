package org.holdspace.auth;

import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;

/** Accounts in the {@code users} table; each call runs on the client it is given. */
public final class UserRepository {
  private static final String FIND_BY_USERNAME =
      "SELECT id, username, display_name, role, password_hash FROM users WHERE lower(username) = lower($1) AND active";
  private static final String FIND_BY_ID =
      "SELECT id, username, display_name, role, password_hash FROM users WHERE id = $1";
  private static final String INSERT =
      "INSERT INTO users (username, display_name, role, password_hash, email) VALUES ($1, $2, $3, $4, $5) "
      + "RETURNING id";
  private static final String COUNT_ADMINS = "SELECT count(*) FROM users WHERE role = 'admin'";
  private static final String SET_PASSWORD = "UPDATE users SET password_hash = $2 WHERE id = $1";

  /** An account and its stored password hash. */
  public record StoredUser(AuthUser user, String passwordHash) {
  }

  public Future<Optional<StoredUser>> findByUsername(SqlClient client, String username) {
    return client.preparedQuery(FIND_BY_USERNAME).execute(Tuple.of(username)).map(rows -> first(rows.iterator()));
  }

  public Future<Optional<StoredUser>> findById(SqlClient client, long id) {
    return client.preparedQuery(FIND_BY_ID).execute(Tuple.of(id)).map(rows -> first(rows.iterator()));
  }

  private static Optional<StoredUser> first(java.util.Iterator<Row> rows) {
    if (!rows.hasNext()) {
      return Optional.empty();
    }
    Row row = rows.next();
    return Optional.of(new StoredUser(new AuthUser(row.getLong("id"), row.getString("username"),
        row.getString("display_name"), Role.fromWire(row.getString("role"))), row.getString("password_hash")));
  }

  /** Inserts the account; fails with the database's unique violation (23505) when the username is taken. */
  public Future<AuthUser> insert(SqlClient client, String username, String displayName, Role role,
                                 String passwordHash) {
    return insert(client, username, displayName, role, passwordHash, null);
  }

  /** {@link #insert} with an e-mail address (null: none); a taken address is a unique violation too. */
  public Future<AuthUser> insert(SqlClient client, String username, String displayName, Role role,
                                 String passwordHash, String email) {
    return client.preparedQuery(INSERT)
        .execute(Tuple.of(username, displayName, role.wire(), passwordHash, email))
        .map(rows -> new AuthUser(rows.iterator().next().getLong(0), username, displayName, role));
  }

  public Future<Long> countAdmins(SqlClient client) {
    return client.query(COUNT_ADMINS).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  public Future<Void> setPassword(SqlClient client, long id, String passwordHash) {
    return client.preparedQuery(SET_PASSWORD).execute(Tuple.of(id, passwordHash)).mapEmpty();
  }
}
