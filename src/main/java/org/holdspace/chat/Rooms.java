package org.holdspace.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Addresses;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;
import org.holdspace.group.GroupAccess;
import org.holdspace.grouplog.GroupSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The groups one signed-in socket has joined: its standing in each, its presence, its streams and typing hints. */
final class Rooms {
  private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);

  private final Vertx vertx;
  private final ChatGateway gateway;
  private final ChatGateway.Dependencies deps;
  private final SocketWriter writer;
  private final AuthUser user;
  private final String connectionId;
  private final Map<Long, GroupStream> joined = new HashMap<>();
  private final Map<Long, GroupAccess.Standing> standings = new HashMap<>();
  private boolean closed;
  private int joins;

  Rooms(Vertx vertx, ChatGateway gateway, SocketWriter writer, AuthUser user, String connectionId) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.deps = gateway.deps();
    this.writer = writer;
    this.user = user;
    this.connectionId = connectionId;
  }

  /** The account's standing in the group, looked up once per socket; {@code forbidden} for outsiders. */
  Future<GroupAccess.Standing> standing(long groupId) {
    GroupAccess.Standing known = standings.get(groupId);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return deps.access().standing(user, groupId).map(s -> {
      if (s == GroupAccess.Standing.NONE) {
        throw Refusal.forbidden("groupId: you do not belong to this group");
      }
      standings.put(groupId, s);
      return s;
    });
  }

  /**
   * The account was added to or removed from the group's team: its standing is looked up again at the next frame,
   * and a joined stream is left, so that it shows nothing the new standing does not see.
   */
  void standingChanged(long groupId) {
    if (joined.containsKey(groupId)) {
      writer.write(new JsonObject().put("type", "left").put("groupId", groupId)
          .put("reason", "your part in this group changed; join again").encode());
      detach(groupId, true);
    }
    standings.remove(groupId);
  }

  Future<Long> join(Frame frame) {
    long groupId = frame.groupId();
    if (++joins > deps.limits().joinsPerSocket()) {
      throw Refusal.rateLimited("too many joins on this socket");
    }
    return standing(groupId)
        .compose(s -> deps.log().read(groupId).map(snapshot -> {
          frame.optionalCount("after"); // checked once the standing is known, so an outsider learns nothing of it
          if (s == GroupAccess.Standing.MEMBER && snapshot.state().hasEnded(user.id())) {
            throw Refusal.forbidden("your participation in this group has ended");
          }
          if (s == GroupAccess.Standing.MEMBER && snapshot.live() && snapshot.state().isRemoved(user.id())) {
            throw Refusal.forbidden("you were removed from this session");
          }
          return s;
        }))
        .compose(s -> deps.access().window(deps.log(), user, groupId, s)
            .compose(window -> attach(groupId, s).map(stream -> stream.within(window))))
        .compose(stream -> enter(groupId)
            .compose(v -> Future.all(deps.log().read(groupId), deps.presence().present(groupId)))
            .map(state -> {
              Long after = frame.optionalCount("after");
              if (!stream.detached()) {
                stream.start(state.<GroupSnapshot>resultAt(0), state.<List<Long>>resultAt(1), after,
                    deps.limits().replayLimit(), () -> replayWhispers(groupId, stream));
              }
              return (Long) null;
            })
            .onFailure(e -> detach(groupId, false)));
  }

  /** After the group's events: the account's own private messages of the group, oldest first (none for supervisors). */
  private void replayWhispers(long groupId, GroupStream stream) {
    deps.whispers().history(groupId, user.id(), stream.standing() == GroupAccess.Standing.FACILITATOR,
            deps.limits().replayLimit())
        .onSuccess(frames -> {
          if (!stream.detached()) {
            frames.forEach(frame -> writer.write(frame.encode()));
          }
        })
        .onFailure(e -> LOG.warn("Could not replay private messages of group {}: {}", groupId, e.getMessage()));
  }

  /**
   * Records the socket's presence; a supervisor reads the room without being in it (no presence, no join event, not
   * in attendance), and that read is audited.
   */
  private Future<Void> enter(long groupId) {
    return inRoom(groupId) ? deps.presence().enter(groupId, user, connectionId)
        : deps.access().recordRead(user, groupId, "room.join");
  }

  private boolean inRoom(long groupId) {
    return standings.get(groupId) != GroupAccess.Standing.SUPERVISOR;
  }

  private Future<GroupStream> attach(long groupId, GroupAccess.Standing standing) {
    if (closed) {
      return Future.failedFuture(Refusal.notFound("socket closed"));
    }
    GroupStream previous = joined.remove(groupId);
    if (previous != null) {
      previous.detach();
    }
    GroupStream stream = new GroupStream(vertx, gateway, groupId, user, standing, writer,
        removed -> vertx.runOnContext(v -> detach(removed, true)));
    joined.put(groupId, stream);
    return stream.ready();
  }

  Future<Long> leave(Frame frame) {
    long groupId = frame.groupId();
    if (!joined.containsKey(groupId)) {
      throw Refusal.notFound("groupId: not joined on this socket");
    }
    detach(groupId, true);
    return Future.succeededFuture();
  }

  /** Relays a typing hint to the group's other sockets, at most once a second per account; never stored. */
  Future<Long> typing(Frame frame) {
    long groupId = frame.groupId();
    if (!joined.containsKey(groupId)) {
      throw Refusal.notFound("groupId: join the group first");
    }
    if (!inRoom(groupId)) {
      throw GroupAccess.readOnly();
    }
    if (deps.sockets().typing(user.id(), System.currentTimeMillis())) {
      vertx.eventBus().publish(Addresses.group(groupId), new JsonObject().put("type", "typing")
          .put("groupId", groupId)
          .put("from", new JsonObject().put("id", user.id()).put("displayName", user.displayName())));
    }
    return Future.succeededFuture();
  }

  private Future<Void> detach(long groupId, boolean recordLeave) {
    GroupStream stream = joined.remove(groupId);
    if (stream == null) {
      return Future.succeededFuture();
    }
    stream.detach();
    if (!recordLeave || !inRoom(groupId)) {
      return Future.succeededFuture();
    }
    return deps.presence().leave(groupId, user, connectionId)
        .onFailure(e -> LOG.warn("Could not record leaving group {}: {}", groupId, e.getMessage()));
  }

  /** The socket closed: leaves every room it was in; completes once the leaves are recorded (or failed). */
  Future<Void> close() {
    closed = true;
    List<Future<Void>> leaves = new ArrayList<>();
    for (Long groupId : joined.keySet().toArray(new Long[0])) {
      leaves.add(detach(groupId, true));
    }
    return Future.join(leaves).mapEmpty();
  }
}
