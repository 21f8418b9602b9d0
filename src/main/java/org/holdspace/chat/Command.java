package org.holdspace.chat;

import io.vertx.core.Future;
import org.holdspace.core.AuthUser;
import org.holdspace.group.GroupAccess;

import java.util.function.Consumer;

/**
 * What one frame type does: who may send it, whether a success is answered with an ack, the checks of its fields
 * (made once the sender's standing is known), and the handler, which answers the seq of the event it created (or null).
 */
record Command(Access access, boolean acked, Consumer<Frame> check, Handler handler) {

  /** Who may send the frame. */
  enum Access {
    /** The first frame, before any sign-in. */
    HELLO,
    /** Any signed-in socket; the frame acts on the socket itself (join, leave, typing) and answers for itself. */
    SOCKET,
    /** The group's facilitators and members (a supervisor only reads). */
    PARTICIPANT,
    /** Only the group's facilitators. */
    FACILITATOR,
    /** Only the group's members. */
    MEMBER;

    /** Whether a socket of this standing in the group may send a frame of this access. */
    boolean permits(GroupAccess.Standing standing) {
      return switch (this) {
        case FACILITATOR -> standing == GroupAccess.Standing.FACILITATOR;
        case MEMBER -> standing == GroupAccess.Standing.MEMBER;
        case PARTICIPANT -> standing == GroupAccess.Standing.FACILITATOR || standing == GroupAccess.Standing.MEMBER;
        default -> true;
      };
    }

    /** The refusal of a socket of this standing, which this access does not permit. */
    org.holdspace.core.Refusal refusal(GroupAccess.Standing standing) {
      if (standing == GroupAccess.Standing.SUPERVISOR) {
        return GroupAccess.readOnly();
      }
      return this == FACILITATOR
          ? org.holdspace.core.Refusal.forbidden("only the group's facilitators may do this")
          : org.holdspace.core.Refusal.forbidden("only members do this");
    }
  }

  /** A frame on its way to a handler: who sent it, over which connection, and their standing in the group. */
  record Call(AuthUser user, Connection connection, GroupAccess.Standing standing, long groupId, Frame frame) {
  }

  /** The socket-level frames' side of the connection. */
  interface Connection {
    Future<Long> hello(Frame frame);

    Future<Long> join(Frame frame);

    Future<Long> leave(Frame frame);

    Future<Long> typing(Frame frame);
  }

  @FunctionalInterface
  interface Handler {
    Future<Long> run(Call call);
  }

  /**
   * Runs a group frame: the sender's standing is checked before the frame's fields, so that a refusal tells an
   * outsider nothing about them.
   */
  Future<Long> run(Call call) {
    if (!access.permits(call.standing())) {
      return Future.failedFuture(access.refusal(call.standing()));
    }
    check.accept(call.frame());
    return handler.run(call);
  }

  /** Whether the command acts on a group, and so needs the sender's standing in it. */
  boolean onGroup() {
    return access == Access.PARTICIPANT || access == Access.FACILITATOR || access == Access.MEMBER;
  }
}
