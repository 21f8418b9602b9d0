package org.holdspace.group;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one store of {@code group_members}: who is enrolled in which group and in which role, and the focus a member's
 * enrolment row carries. Every feature reads enrolment through it; each call runs on the client it is given.
 */
public final class Enrolment {
  private static final String STANDING = "SELECT m.role, s.user_id IS NOT NULL AS supervisor FROM groups g "
      + "LEFT JOIN group_members m ON m.group_id = g.id AND m.user_id = $2 "
      + "LEFT JOIN group_supervisors s ON s.group_id = g.id AND s.user_id = $2 WHERE g.id = $1";
  private static final String IS_MEMBER =
      "SELECT 1 FROM group_members WHERE group_id = $1 AND user_id = $2 AND role = 'member'";
  private static final String LOCK = "SELECT 1 FROM group_members WHERE group_id = $1 AND user_id = $2 FOR UPDATE";
  /** A member reads from the session under way when enrolled (its {@code session_started} on), else from now on. */
  private static final String INSERT = "INSERT INTO group_members (group_id, user_id, role, reads_after) "
      + "SELECT $1, $2, $3, CASE WHEN g.session_status = 'live' THEN COALESCE((SELECT max(e.seq) - 1 "
      + "FROM group_events e WHERE e.group_id = g.id AND e.kind = 'session_started'), g.last_seq) ELSE g.last_seq END "
      + "FROM groups g WHERE g.id = $1";
  /**
   * Active member accounts in no group, or in a group the facilitator {@code $1} runs (everyone when {@code $1} is
   * null), matching {@code $2} (a lower-case LIKE pattern, or null) and {@code $5} (an id, or null).
   */
  private static final String CANDIDATES = "SELECT u.id, u.username, u.display_name, count(*) OVER () AS total "
      + "FROM users u WHERE u.role = 'member' AND u.active AND ($1::bigint IS NULL "
      + "OR NOT EXISTS (SELECT 1 FROM group_members m WHERE m.user_id = u.id) "
      + "OR EXISTS (SELECT 1 FROM group_members m JOIN group_members f ON f.group_id = m.group_id "
      + "AND f.user_id = $1 AND f.role = 'facilitator' WHERE m.user_id = u.id)) "
      + "AND ($2::text IS NULL OR lower(u.username) LIKE $2 OR lower(u.display_name) LIKE $2) "
      + "AND ($5::bigint IS NULL OR u.id = $5) ORDER BY lower(u.username), u.id LIMIT $3 OFFSET $4";
  private static final String READS_AFTER =
      "SELECT reads_after FROM group_members WHERE group_id = $1 AND user_id = $2";
  private static final String COUNT_MEMBERS =
      "SELECT count(*) FROM group_members WHERE group_id = $1 AND role = 'member'";
  private static final String PEOPLE = "SELECT u.id, u.display_name, m.role, m.focus_area, m.focus_secondary_area, "
      + "m.focus_goal FROM group_members m JOIN users u ON u.id = m.user_id WHERE m.group_id = $1 ";
  private static final String EVERYONE = PEOPLE + "ORDER BY m.enrolled_at, u.id";
  private static final String MEMBERS = PEOPLE + "AND m.role = 'member' ORDER BY m.enrolled_at, u.id";
  private static final String ACTIVE_WITHOUT_FOCUS = "SELECT user_id FROM group_members WHERE group_id = $1 "
      + "AND role = 'member' AND ended_at IS NULL AND focus_area IS NULL ORDER BY user_id";
  private static final String FACILITATORS =
      "SELECT user_id FROM group_members WHERE group_id = $1 AND role = 'facilitator'";
  private static final String PRESENT_MEMBERS = "SELECT DISTINCT p.user_id, m.enrolled_at FROM presence p "
      + "JOIN group_members m ON m.group_id = p.group_id AND m.user_id = p.user_id "
      + "WHERE p.group_id = $1 AND m.role = 'member' ORDER BY m.enrolled_at, p.user_id";
  private static final String GROUPS_OF_USER = "SELECT g.id, g.name, g.protocol, g.current_session, "
      + "g.session_status, r.role FROM (SELECT group_id, role FROM group_members WHERE user_id = $1 "
      + "UNION ALL SELECT group_id, 'supervisor' FROM group_supervisors WHERE user_id = $1) r "
      + "JOIN groups g ON g.id = r.group_id ORDER BY g.id";
  private static final String SET_AREAS = "UPDATE group_members SET focus_area = $3, focus_secondary_area = $4 "
      + "WHERE group_id = $1 AND user_id = $2";
  private static final String SET_FIRST_GOAL =
      "UPDATE group_members SET focus_goal = $3 WHERE group_id = $1 AND user_id = $2";
  private static final String FOCUS = "SELECT focus_area, focus_secondary_area, focus_goal FROM group_members "
      + "WHERE group_id = $1 AND user_id = $2";

  /** Someone enrolled in a group, with the focus their enrolment carries (null for facilitators). */
  public record Member(long id, String displayName, String role, String focusArea, String secondaryArea,
                       String focusGoal) {
    public boolean facilitator() {
      return "facilitator".equals(role);
    }
  }

  /** A group an account belongs to, with its role there. */
  public record Membership(long groupId, String name, String protocol, int currentSession, String sessionStatus,
                           String role) {
    public JsonObject toJson() {
      return new JsonObject().put("id", groupId).put("name", name).put("protocol", protocol)
          .put("currentSession", currentSession).put("sessionStatus", sessionStatus).put("role", role);
    }
  }

  /** An account a facilitator may find and enrol. */
  public record Candidate(long id, String username, String displayName) {
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("username", username).put("displayName", displayName);
    }
  }

  /** A page of candidates and how many there are in all. */
  public record Candidates(List<Candidate> page, long total) {
  }

  /** The focus on a member's enrolment row: primary area, second area and first goal (each may be null). */
  public record Focus(String area, String secondaryArea, String goal) {
  }

  /** The account's standing in the group; empty when there is no such group. */
  public Future<Optional<GroupAccess.Standing>> standing(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(STANDING).execute(Tuple.of(groupId, userId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      String role = row.getString("role");
      if (role == null) {
        return Optional.of(row.getBoolean("supervisor") ? GroupAccess.Standing.SUPERVISOR : GroupAccess.Standing.NONE);
      }
      return Optional.of(role.equals("facilitator") ? GroupAccess.Standing.FACILITATOR : GroupAccess.Standing.MEMBER);
    });
  }

  /** Whether the account is enrolled in the group as a member (not a facilitator). */
  public Future<Boolean> isMember(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(IS_MEMBER).execute(Tuple.of(groupId, userId)).map(rows -> rows.size() > 0);
  }

  /** Holds the enrolment row until the transaction ends, so that writes about one member queue up. */
  public Future<Void> lock(SqlClient tx, long groupId, long userId) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(groupId, userId)).mapEmpty();
  }

  /** Enrols the account in the role; fails with a unique violation (23505) when it is enrolled already. */
  public Future<Void> enrol(SqlClient client, long groupId, long userId, String role) {
    return client.preparedQuery(INSERT).execute(Tuple.of(groupId, userId, role)).mapEmpty();
  }

  /**
   * The accounts the facilitator may enrol (any active member when {@code facilitatorId} is null), matching the
   * lower-case LIKE {@code pattern} (or all), limited to {@code onlyId} when it is given.
   */
  public Future<Candidates> candidates(SqlClient client, Long facilitatorId, String pattern, Long onlyId, int limit,
                                       int offset) {
    return client.preparedQuery(CANDIDATES)
        .execute(Tuple.of(facilitatorId, pattern, limit, offset, onlyId)).map(rows -> {
          long total = rows.size() == 0 ? 0 : rows.iterator().next().getLong("total");
          return new Candidates(list(rows, r -> new Candidate(r.getLong("id"), r.getString("username"),
              r.getString("display_name"))), total);
        });
  }

  /** The last seq before what the account may read of the group's log (0 when it is not enrolled). */
  public Future<Long> readsAfter(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(READS_AFTER).execute(Tuple.of(groupId, userId))
        .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong(0));
  }

  public Future<Long> countMembers(SqlClient client, long groupId) {
    return client.preparedQuery(COUNT_MEMBERS).execute(Tuple.of(groupId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Everyone enrolled, facilitators and members, in enrolment order. */
  public Future<List<Member>> everyone(SqlClient client, long groupId) {
    return client.preparedQuery(EVERYONE).execute(Tuple.of(groupId)).map(rows -> list(rows, Enrolment::member));
  }

  /** The group's members (no facilitators), in enrolment order. */
  public Future<List<Member>> members(SqlClient client, long groupId) {
    return client.preparedQuery(MEMBERS).execute(Tuple.of(groupId)).map(rows -> list(rows, Enrolment::member));
  }

  /** The ids of the members still taking part who have no focus area yet, in id order. */
  public Future<List<Long>> membersWithoutFocus(SqlClient client, long groupId) {
    return client.preparedQuery(ACTIVE_WITHOUT_FOCUS).execute(Tuple.of(groupId))
        .map(rows -> list(rows, r -> r.getLong(0)));
  }

  public Future<List<Long>> facilitators(SqlClient client, long groupId) {
    return client.preparedQuery(FACILITATORS).execute(Tuple.of(groupId)).map(rows -> list(rows, r -> r.getLong(0)));
  }

  /** The members with a socket joined now, in enrolment order. */
  public Future<List<Long>> presentMembers(SqlClient client, long groupId) {
    return client.preparedQuery(PRESENT_MEMBERS).execute(Tuple.of(groupId))
        .map(rows -> list(rows, r -> r.getLong(0)));
  }

  /** The groups the account belongs to or supervises, in id order. */
  public Future<List<Membership>> groupsOf(SqlClient client, long userId) {
    return client.preparedQuery(GROUPS_OF_USER).execute(Tuple.of(userId)).map(rows -> list(rows, r ->
        new Membership(r.getLong("id"), r.getString("name"), r.getString("protocol"), r.getInteger("current_session"),
            r.getString("session_status"), r.getString("role"))));
  }

  public Future<Focus> focus(SqlClient client, long groupId, long userId) {
    return client.preparedQuery(FOCUS).execute(Tuple.of(groupId, userId)).map(rows -> {
      Row r = rows.iterator().next();
      return new Focus(r.getString("focus_area"), r.getString("focus_secondary_area"), r.getString("focus_goal"));
    });
  }

  public Future<Void> setFocusAreas(SqlClient client, long groupId, long userId, String area, String secondary) {
    return client.preparedQuery(SET_AREAS).execute(Tuple.of(groupId, userId, area, secondary)).mapEmpty();
  }

  /** The first goal's text, kept on the enrolment row for the contract's {@code focusGoal}. */
  public Future<Void> setFocusGoal(SqlClient client, long groupId, long userId, String goal) {
    return client.preparedQuery(SET_FIRST_GOAL).execute(Tuple.of(groupId, userId, goal)).mapEmpty();
  }

  private static Member member(Row r) {
    return new Member(r.getLong("id"), r.getString("display_name"), r.getString("role"), r.getString("focus_area"),
        r.getString("focus_secondary_area"), r.getString("focus_goal"));
  }

  private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> read) {
    List<T> list = new ArrayList<>(rows.size());
    rows.forEach(r -> list.add(read.apply(r)));
    return list;
  }
}
