package org.holdspace.group;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;

/** Who an account is to a group: its facilitator, one of its members, or nobody (404 when the group is unknown). */
public final class GroupAccess {
  private static final String MEMBERSHIP = "SELECT m.role FROM groups g "
      + "LEFT JOIN group_members m ON m.group_id = g.id AND m.user_id = $2 WHERE g.id = $1";

  /** An account's standing in a group. */
  public enum Standing { FACILITATOR, MEMBER, NONE }

  private final Pool pool;

  public GroupAccess(Pool pool) {
    this.pool = pool;
  }

  public Future<Standing> standing(AuthUser user, long groupId) {
    return pool.preparedQuery(MEMBERSHIP).execute(Tuple.of(groupId, user.id())).map(rows -> {
      if (rows.size() == 0) {
        throw Refusal.notFound();
      }
      Row row = rows.iterator().next();
      String role = row.getString(0);
      if (role == null) {
        return Standing.NONE;
      }
      return role.equals("facilitator") ? Standing.FACILITATOR : Standing.MEMBER;
    });
  }

  /** Succeeds when the account facilitates the group; 403 otherwise. */
  public Future<Void> requireFacilitator(AuthUser user, long groupId) {
    return standing(user, groupId).map(s -> {
      if (s != Standing.FACILITATOR) {
        throw Refusal.forbidden();
      }
      return null;
    });
  }

  /** Succeeds with the standing when the account facilitates or belongs to the group; 403 otherwise. */
  public Future<Standing> requireParticipant(AuthUser user, long groupId) {
    return standing(user, groupId).map(s -> {
      if (s == Standing.NONE) {
        throw Refusal.forbidden();
      }
      return s;
    });
  }

  /** Succeeds when the account is the member itself or facilitates the group (for a member's own data). */
  public Future<Standing> requireSelfOrFacilitator(AuthUser user, long groupId, long memberId) {
    return requireParticipant(user, groupId).map(s -> {
      if (s == Standing.MEMBER && user.id() != memberId) {
        throw Refusal.forbidden();
      }
      return s;
    });
  }
}
