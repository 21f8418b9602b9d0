package org.holdspace.chat;

import org.holdspace.core.Refusal;

import io.vertx.core.Future;
import org.holdspace.core.AuthUser;
import org.holdspace.group.GroupAccess;

/** A frame that acts on a group; answers the seq of the event it created, or null when it created none. */
@FunctionalInterface
public interface GroupCommand {
  Future<Long> run(AuthUser user, GroupAccess.Standing standing, long groupId, Frame frame);

  /** The same command, refused with {@code forbidden} for anyone but the group's facilitators. */
  static GroupCommand facilitatorOnly(GroupCommand command) {
    return (user, standing, groupId, frame) -> standing == GroupAccess.Standing.FACILITATOR
        ? command.run(user, standing, groupId, frame)
        : Future.failedFuture(Refusal.forbidden("only the group's facilitators may do this"));
  }
}
