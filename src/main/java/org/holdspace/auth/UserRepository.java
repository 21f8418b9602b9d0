package org.holdspace.auth;

import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accounts in the {@code users} table; each call runs on the client it is given. */
public final class UserRepository {
  private static final String COLUMNS =
      "id, username, display_name, role, password_hash, email, active, totp_enabled, totp_secret, created_at";
  private static final String FIND_BY_USERNAME = "SELECT " + COLUMNS + " FROM users WHERE lower(username) = lower($1)";
  private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = $1";
  private static final String INSERT = "INSERT INTO users (username, display_name, role, password_hash, email) "
      + "VALUES ($1, $2, $3, $4, $5) RETURNING " + COLUMNS;
  private static final String COUNT_ADMINS = "SELECT count(*) FROM users WHERE role = 'admin'";
  private static final String SET_PASSWORD = "UPDATE users SET password_hash = $2 WHERE id = $1";
  private static final String MATCH = "($1::text IS NULL OR lower(username) LIKE $1 OR lower(display_name) LIKE $1 "
      + "OR lower(coalesce(email, '')) LIKE $1) AND ($2::text IS NULL OR role = $2) "
      + "AND ($3::boolean IS NULL OR active = $3)";
  private static final String LIST = "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM users WHERE " + MATCH
      + " ORDER BY lower(username) LIMIT $4 OFFSET $5";
  private static final String COUNT = "SELECT count(*) FROM users WHERE " + MATCH;
  private static final String UPDATE = "UPDATE users SET display_name = coalesce($2, display_name), "
      + "email = CASE WHEN $3::boolean THEN $4 ELSE email END, role = coalesce($5, role), "
      + "active = coalesce($6, active) WHERE id = $1 RETURNING " + COLUMNS;
  private static final String SET_TOTP = "UPDATE users SET totp_secret = $2, totp_enabled = $3 WHERE id = $1";

  /** An account with its stored password hash and second-factor state. */
  public record StoredUser(AuthUser user, String passwordHash, String email, boolean active, boolean totpEnabled,
                           String totpSecret, Instant createdAt) {
    /** The account as admins see it: never a hash or secret. */
    public JsonObject toAdminJson() {
      return user.toJson().put("email", email).put("active", active).put("totpEnabled", totpEnabled)
          .put("createdAt", createdAt.toString());
    }
  }

  /** What an admin may change on an account; null leaves a field as it is ({@code setEmail} with a null clears it). */
  public record Changes(String displayName, boolean setEmail, String email, Role role, Boolean active) {
  }

  /** One page of accounts and how many match in all. */
  public record Page(List<StoredUser> users, long total) {
  }

  public Future<Optional<StoredUser>> findByUsername(SqlClient client, String username) {
    return client.preparedQuery(FIND_BY_USERNAME).execute(Tuple.of(username)).map(rows -> first(rows.iterator()));
  }

  public Future<Optional<StoredUser>> findById(SqlClient client, long id) {
    return client.preparedQuery(FIND_BY_ID).execute(Tuple.of(id)).map(rows -> first(rows.iterator()));
  }

  private static Optional<StoredUser> first(java.util.Iterator<Row> rows) {
    return rows.hasNext() ? Optional.of(stored(rows.next())) : Optional.empty();
  }

  private static StoredUser stored(Row row) {
    OffsetDateTime created = row.getOffsetDateTime("created_at");
    return new StoredUser(new AuthUser(row.getLong("id"), row.getString("username"),
        row.getString("display_name"), Role.fromWire(row.getString("role"))), row.getString("password_hash"),
        row.getString("email"), row.getBoolean("active"), row.getBoolean("totp_enabled"),
        row.getString("totp_secret"), created.toInstant());
  }

  /** Inserts the account; fails with the database's unique violation (23505) when the username or e-mail is taken. */
  public Future<AuthUser> insert(SqlClient client, String username, String displayName, Role role,
                                 String passwordHash) {
    return insert(client, username, displayName, role, passwordHash, null).map(StoredUser::user);
  }

  public Future<StoredUser> insert(SqlClient client, String username, String displayName, Role role,
                                   String passwordHash, String email) {
    return client.preparedQuery(INSERT)
        .execute(Tuple.of(username, displayName, role.wire(), passwordHash, email))
        .map(rows -> stored(rows.iterator().next()));
  }

  public Future<Long> countAdmins(SqlClient client) {
    return client.query(COUNT_ADMINS).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  public Future<Void> setPassword(SqlClient client, long id, String passwordHash) {
    return client.preparedQuery(SET_PASSWORD).execute(Tuple.of(id, passwordHash)).mapEmpty();
  }

  /** Accounts whose username, display name or e-mail contains {@code query}, by username. */
  public Future<Page> list(SqlClient client, String query, Role role, Boolean active, int limit, int offset) {
    String like = query == null ? null : "%" + query.toLowerCase(java.util.Locale.ROOT)
        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    Tuple args = Tuple.of(like, role == null ? null : role.wire(), active, limit, offset);
    return client.preparedQuery(LIST).execute(args).compose(rows -> {
      List<StoredUser> users = new ArrayList<>();
      long total = -1;
      for (Row row : rows) {
        users.add(stored(row));
        total = row.getLong("total");
      }
      if (total >= 0) {
        return Future.succeededFuture(new Page(users, total));
      }
      // An offset past the end returns no row to read the total from.
      return client.preparedQuery(COUNT).execute(Tuple.of(like, args.getValue(1), active))
          .map(count -> new Page(users, count.iterator().next().getLong(0)));
    });
  }

  /** Applies the changes; empty when there is no such account. */
  public Future<Optional<StoredUser>> update(SqlClient client, long id, Changes c) {
    return client.preparedQuery(UPDATE).execute(Tuple.of(id, c.displayName(), c.setEmail(), c.email(),
        c.role() == null ? null : c.role().wire(), c.active())).map(rows -> first(rows.iterator()));
  }

  /** Stores the account's TOTP secret and whether it is in force. */
  public Future<Void> setTotp(SqlClient client, long id, String secret, boolean enabled) {
    return client.preparedQuery(SET_TOTP).execute(Tuple.of(id, secret, enabled)).mapEmpty();
  }
}
