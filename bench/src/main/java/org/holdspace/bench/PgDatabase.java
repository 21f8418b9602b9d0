package org.holdspace.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database on an existing PostgreSQL server for one Holdspace run ({@code holdspace-pg}): created before,
 * dropped after. Its backends are found by their process title ({@code postgres: [cluster: ]USER DB ...}) so that their CPU
 * and memory count as the server's; the cluster's shared background processes (WAL writer, checkpointer) are not.
 */
final class PgDatabase implements AutoCloseable {
  private static final AtomicInteger COUNT = new AtomicInteger();

  private final Vertx vertx;
  private final PgConnectOptions admin;
  final String name;
  final JsonObject settings = new JsonObject();

  private PgDatabase(Vertx vertx, PgConnectOptions admin, String name) {
    this.vertx = vertx;
    this.admin = admin;
    this.name = name;
  }

  static PgDatabase create(String adminUrl) {
    Vertx vertx = Vertx.vertx();
    PgConnectOptions admin = PgConnectOptions.fromUri(adminUrl.replaceFirst("^postgres://", "postgresql://"));
    String name = "holdspace_bench_" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
    PgDatabase db = new PgDatabase(vertx, admin, name);
    PgConnection conn = PgConnection.connect(vertx, admin).await();
    try {
      conn.query("CREATE DATABASE " + name).execute().await();
      for (Row row : conn.query("SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', "
          + "'wal_sync_method', 'full_page_writes', 'server_version')").execute().await()) {
        db.settings.put(row.getString(0), row.getString(1));
      }
    } finally {
      conn.close().await();
    }
    return db;
  }

  /** The pid of the cluster's postmaster, from {@code postmaster.pid} in its data directory. */
  int postmaster() throws java.io.IOException {
    PgConnection conn = PgConnection.connect(vertx, admin).await();
    try {
      String dataDir = conn.query("SHOW data_directory").execute().await().iterator().next().getString(0);
      return Integer.parseInt(Files.readAllLines(Path.of(dataDir, "postmaster.pid")).get(0).trim());
    } finally {
      conn.close().await();
    }
  }

  /** The DATABASE_URL that Holdspace gets. */
  String url() {
    String auth = admin.getUser() + (admin.getPassword() == null || admin.getPassword().isEmpty() ? ""
        : ":" + admin.getPassword());
    return "postgres://" + auth + "@" + admin.getHost() + ":" + admin.getPort() + "/" + name;
  }

  /** The pids of the backends now serving this database. */
  List<Integer> backends() {
    // "postgres: USER DB HOST(PORT) STATE", with the cluster's name after "postgres: " where cluster_name is set
    // (Debian sets it: "postgres: 15/main: USER DB ...").
    java.util.regex.Pattern title = java.util.regex.Pattern.compile("^postgres: (?:[^ ]+: )?"
        + java.util.regex.Pattern.quote(admin.getUser() + " " + name + " "));
    List<Integer> pids = new ArrayList<>();
    try (var dirs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path dir : dirs) {
        try {
          String cmd = new String(Files.readAllBytes(dir.resolve("cmdline"))).replace('\0', ' ');
          if (title.matcher(cmd).find()) {
            pids.add(Integer.parseInt(dir.getFileName().toString()));
          }
        } catch (Exception e) {
          // the process ended meanwhile
        }
      }
    } catch (Exception e) {
      return pids;
    }
    return pids;
  }

  @Override
  public void close() {
    try {
      PgConnection conn = PgConnection.connect(vertx, admin).await();
      try {
        conn.query("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").execute().await();
      } finally {
        conn.close().await();
      }
    } catch (RuntimeException e) {
      System.out.println("  could not drop database " + name + ": " + e.getMessage());
    } finally {
      vertx.close().await();
    }
  }
}
