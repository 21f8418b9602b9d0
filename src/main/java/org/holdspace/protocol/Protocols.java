package org.holdspace.protocol;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.holdspace.audit.AuditLog;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.db.SqlErrors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every protocol groups can be created with: the built-ins of {@code protocols/protocols.json} and those admins
 * defined, kept in the {@code protocols} table. A definition never changes once stored (there is no update), so each
 * node may keep what it has read; a protocol it has not seen yet is read from the database, which every node shares.
 */
public final class Protocols {
  private static final String INSERT = "INSERT INTO protocols (id, definition, created_by) VALUES ($1, $2, $3)";
  private static final String FIND = "SELECT definition FROM protocols WHERE id = $1";
  private static final String ALL = "SELECT definition FROM protocols ORDER BY created_at, id";
  private static final Map<String, Protocol> BUILT_IN = load();

  private final Pool pool;
  private final AuditLog audit;
  private final Map<String, Protocol> defined = new ConcurrentHashMap<>();

  public Protocols(Pool pool, AuditLog audit) {
    this.pool = pool;
    this.audit = audit;
  }

  /** The built-in protocols, by id, in file order. */
  public static Map<String, Protocol> builtIn() {
    return BUILT_IN;
  }

  /** The protocol with this id; empty when there is none. */
  public Future<Optional<Protocol>> find(String id) {
    Protocol known = BUILT_IN.containsKey(id) ? BUILT_IN.get(id) : defined.get(id);
    if (known != null) {
      return Future.succeededFuture(Optional.of(known));
    }
    return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Protocol p = read(rows.iterator().next());
      defined.put(id, p);
      return Optional.of(p);
    });
  }

  /** The protocol a stored group names (it always exists: protocols are never deleted). */
  public Future<Protocol> of(String id) {
    return find(id).map(found -> found.orElseThrow(() -> new IllegalStateException("unknown protocol " + id)));
  }

  /** The protocol a request names; 400 naming {@code field} when there is none. */
  public Future<Protocol> requested(String id, String field) {
    return find(id).map(found -> found.orElseThrow(() -> Refusal.invalid(field + ": no protocol '" + id
        + "'; GET /api/protocols lists them")));
  }

  /** Every protocol: the built-ins first, then the defined ones in the order they were defined. */
  public Future<JsonArray> list() {
    return pool.preparedQuery(ALL).execute().map(rows -> {
      List<Protocol> all = new ArrayList<>(BUILT_IN.values());
      rows.forEach(r -> all.add(read(r)));
      return new JsonArray(all.stream().map(Protocol::toJson).toList());
    });
  }

  /** Stores a new protocol an admin defined, audited; 409 when its id is taken. */
  public Future<JsonObject> define(AuthUser admin, Protocol protocol) {
    if (BUILT_IN.containsKey(protocol.id())) {
      return Future.failedFuture(Refusal.conflict("id: " + protocol.id() + " is a built-in protocol"));
    }
    JsonObject definition = protocol.toJson();
    definition.remove("builtIn");
    return pool.withTransaction(tx -> insert(tx, protocol.id(), definition, admin.id())
            .compose(v -> audit.record(tx, admin.id(), "protocol.define", null, null,
                new JsonObject().put("protocol", protocol.id()))))
        .recover(failure -> Future.failedFuture(SqlErrors.isUniqueViolation(failure)
            ? Refusal.conflict("id: a protocol " + protocol.id() + " exists already") : failure))
        .map(v -> {
          defined.put(protocol.id(), protocol);
          return protocol.toJson();
        });
  }

  private static Future<Void> insert(SqlClient tx, String id, JsonObject definition, long by) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(id, definition, by)).mapEmpty();
  }

  private static Protocol read(Row r) {
    Object definition = r.getValue("definition");
    return ProtocolDefinition.fromJson(definition instanceof JsonObject o ? o : new JsonObject(definition.toString()),
        false);
  }

  private static Map<String, Protocol> load() {
    try (InputStream in = Protocols.class.getResourceAsStream("/protocols/protocols.json")) {
      if (in == null) {
        throw new IllegalStateException("protocols/protocols.json is missing from the classpath");
      }
      JsonArray json = new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Map<String, Protocol> protocols = new LinkedHashMap<>();
      for (Object p : json) {
        Protocol protocol = ProtocolDefinition.fromJson((JsonObject) p, true);
        protocols.put(protocol.id(), protocol);
      }
      return java.util.Collections.unmodifiableMap(protocols);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
