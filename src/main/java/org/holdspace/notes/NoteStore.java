package org.holdspace.notes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Progress notes and their addenda ({@code progress_notes}, {@code progress_note_addenda}). */
public final class NoteStore {
  private static final String COLUMNS = "id, group_id, session, user_id, text, written_by, updated_at, signed_by, "
      + "signed_at";
  private static final String FIND = "SELECT " + COLUMNS + " FROM progress_notes "
      + "WHERE group_id = $1 AND session = $2 AND user_id = $3";
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String UPSERT = "INSERT INTO progress_notes (group_id, session, user_id, text, written_by) "
      + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (group_id, session, user_id) DO UPDATE "
      + "SET text = EXCLUDED.text, written_by = EXCLUDED.written_by, updated_at = now() "
      + "WHERE progress_notes.signed_at IS NULL RETURNING " + COLUMNS;
  private static final String SIGN = "UPDATE progress_notes SET signed_by = $2, signed_at = now() WHERE id = $1 "
      + "RETURNING " + COLUMNS;
  private static final String ADD = "INSERT INTO progress_note_addenda (note_id, text, written_by) VALUES ($1, $2, $3)";
  private static final String ADDENDA = "SELECT id, text, written_by, at FROM progress_note_addenda "
      + "WHERE note_id = $1 ORDER BY id";
  private static final String SESSION_COUNT = "SELECT session_count FROM groups WHERE id = $1";
  private static final String ROUND_EVENTS = "SELECT kind, body FROM group_events WHERE group_id = $1 "
      + "AND kind IN ('session_started', 'round_started', 'round_turn', 'round_passed') ORDER BY seq";

  /** One note with its addenda (empty until signed). */
  public record Note(long id, long groupId, int session, long userId, String text, long writtenBy, String updatedAt,
                     Long signedBy, String signedAt, List<JsonObject> addenda) {
    public boolean signed() {
      return signedAt != null;
    }

    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("groupId", groupId).put("session", session).put("userId", userId)
          .put("text", text).put("writtenBy", writtenBy).put("updatedAt", updatedAt).put("signed", signed())
          .put("signedBy", signedBy).put("signedAt", signedAt).put("addenda", new JsonArray(addenda));
    }
  }

  public Future<Optional<Note>> find(SqlClient client, long groupId, int session, long userId) {
    return one(client, FIND, Tuple.of(groupId, session, userId));
  }

  /** The note's row locked for the rest of the transaction. */
  public Future<Optional<Note>> lock(SqlClient tx, long groupId, int session, long userId) {
    return one(tx, LOCK, Tuple.of(groupId, session, userId));
  }

  /** Writes the note's text; empty when the note is signed (its text no longer changes). */
  public Future<Optional<Note>> write(SqlClient client, long groupId, int session, long userId, String text,
                                      long by) {
    return client.preparedQuery(UPSERT).execute(Tuple.of(groupId, session, userId, text, by))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(note(rows.iterator().next(), List.of())));
  }

  public Future<Note> sign(SqlClient tx, long noteId, long by) {
    return tx.preparedQuery(SIGN).execute(Tuple.of(noteId, by)).map(rows -> note(rows.iterator().next(), List.of()));
  }

  public Future<Void> addendum(SqlClient tx, long noteId, String text, long by) {
    return tx.preparedQuery(ADD).execute(Tuple.of(noteId, text, by)).mapEmpty();
  }

  /** The group's planned number of sessions, or empty for an unknown group. */
  public Future<Optional<Integer>> sessionCount(SqlClient client, long groupId) {
    return client.preparedQuery(SESSION_COUNT).execute(Tuple.of(groupId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getInteger(0)));
  }

  /**
   * The member's part in the go-rounds of one session, folded from the group's log: {@code {rounds, turns, passed}}
   * (rounds started in that session, turns given to the member, turns the member passed).
   */
  public Future<JsonObject> goRound(SqlClient client, long groupId, int session, long userId) {
    return client.preparedQuery(ROUND_EVENTS).execute(Tuple.of(groupId)).map(rows -> {
      int current = 0;
      int rounds = 0;
      int turns = 0;
      int passed = 0;
      for (Row r : rows) {
        JsonObject body = (JsonObject) r.getValue("body");
        String kind = r.getString("kind");
        if (kind.equals("session_started")) {
          current = body.getInteger("number", current);
        } else if (current == session) {
          Long who = body.getLong("userId");
          rounds += kind.equals("round_started") ? 1 : 0;
          turns += kind.equals("round_turn") && who != null && who == userId ? 1 : 0;
          passed += kind.equals("round_passed") && who != null && who == userId ? 1 : 0;
        }
      }
      return new JsonObject().put("rounds", rounds).put("turns", turns).put("passed", passed);
    });
  }

  /** The note with its addenda. */
  public Future<Note> withAddenda(SqlClient client, Note n) {
    return client.preparedQuery(ADDENDA).execute(Tuple.of(n.id())).map(rows -> {
      List<JsonObject> addenda = new ArrayList<>();
      for (Row r : rows) {
        addenda.add(new JsonObject().put("id", r.getLong("id")).put("text", r.getString("text"))
            .put("writtenBy", r.getLong("written_by")).put("at", instant(r.getOffsetDateTime("at"))));
      }
      return new Note(n.id(), n.groupId(), n.session(), n.userId(), n.text(), n.writtenBy(), n.updatedAt(),
          n.signedBy(), n.signedAt(), addenda);
    });
  }

  private static Future<Optional<Note>> one(SqlClient client, String sql, Tuple params) {
    return client.preparedQuery(sql).execute(params).map(NoteStore::first);
  }

  private static Optional<Note> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(note(rows.iterator().next(), List.of()));
  }

  private static Note note(Row r, List<JsonObject> addenda) {
    return new Note(r.getLong("id"), r.getLong("group_id"), r.getInteger("session"), r.getLong("user_id"),
        r.getString("text"), r.getLong("written_by"), instant(r.getOffsetDateTime("updated_at")),
        r.getLong("signed_by"), instant(r.getOffsetDateTime("signed_at")), addenda);
  }

  private static String instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
