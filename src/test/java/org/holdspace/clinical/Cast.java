package org.holdspace.clinical;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The people of a clinical test: a facilitator with a group and two members in it, and the facilitator of another
 * group; with the access check every per-member clinical call must pass.
 */
final class Cast {
  final TestServer server;
  final TestServer.Account facilitator;
  final TestServer.Account member;
  final TestServer.Account peer;
  final TestServer.Account outsider;
  final long groupId;

  private Cast(TestServer server, int sessions) {
    this.server = server;
    LiveGroup group = LiveGroup.of("Dr. Okafor", "Ana", "Ben").protocol("ipt", sessions).open(server);
    this.facilitator = group.facilitator();
    this.member = group.member(0);
    this.peer = group.member(1);
    this.groupId = group.id();
    this.outsider = server.newAccount("facilitator", "Dr. Elsewhere");
    long otherGroup = server.newGroup(outsider, "ipt", 12).getLong("id");
    server.enrol(outsider, otherGroup, server.newAccount("member", "Cy"));
  }

  static Cast of(TestServer server, int sessions) {
    return new Cast(server, sessions);
  }

  /** {@code /api/groups/{group}/members/{member}} followed by the suffix. */
  String memberPath(String suffix) {
    return "/api/groups/" + groupId + "/members/" + member.id() + suffix;
  }

  String groupPath(String suffix) {
    return "/api/groups/" + groupId + suffix;
  }

  HttpResponse<Buffer> call(HttpMethod method, String path, TestServer.Account who, Object body) {
    return server.call(method, path, who.token(), body);
  }

  /**
   * The rule for a member's own clinical data: another member of the group and another group's facilitator get 403
   * and leave no audit record; the member is allowed and not audited; the group's facilitator is allowed and audited
   * once under {@code action}. Answers the facilitator's response.
   */
  HttpResponse<Buffer> checkSelfOrFacilitator(HttpMethod method, String path, Function<TestServer.Account, Object> body,
                                              int okStatus, String action) {
    long total = AuditProbe.count(server, groupId, action);
    long byFacilitator = AuditProbe.countBy(server, groupId, action, facilitator.id(), member.id());
    assertEquals(403, call(method, path, peer, body.apply(peer)).statusCode(), "another member of the group");
    assertEquals(403, call(method, path, outsider, body.apply(outsider)).statusCode(), "another group's facilitator");
    HttpResponse<Buffer> self = call(method, path, member, body.apply(member));
    assertEquals(okStatus, self.statusCode(), () -> "the member themself: " + self.bodyAsString());
    assertEquals(total, AuditProbe.count(server, groupId, action), "refusals and the member's own acts are not audited");
    HttpResponse<Buffer> facilitated = call(method, path, facilitator, body.apply(facilitator));
    assertEquals(okStatus, facilitated.statusCode(), () -> "the facilitator: " + facilitated.bodyAsString());
    assertEquals(byFacilitator + 1, AuditProbe.countBy(server, groupId, action, facilitator.id(), member.id()),
        "the facilitator's act is audited once, naming the facilitator and the member");
    assertEquals(total + 1, AuditProbe.count(server, groupId, action));
    return facilitated;
  }

  /**
   * The rule for facilitator-only calls: everyone but the group's facilitator gets 403 and leaves no record; the
   * facilitator is allowed and audited once under {@code action} (about {@code subjectId}, or the whole group).
   */
  HttpResponse<Buffer> checkFacilitatorOnly(HttpMethod method, String path, Function<TestServer.Account, Object> body,
                                           int okStatus, String action, Long subjectId) {
    long total = AuditProbe.count(server, groupId, action);
    long byFacilitator = AuditProbe.countBy(server, groupId, action, facilitator.id(), subjectId);
    assertEquals(403, call(method, path, member, body.apply(member)).statusCode(), "the member themself");
    assertEquals(403, call(method, path, peer, body.apply(peer)).statusCode(), "another member of the group");
    assertEquals(403, call(method, path, outsider, body.apply(outsider)).statusCode(), "another group's facilitator");
    assertEquals(total, AuditProbe.count(server, groupId, action), "refusals are not audited");
    HttpResponse<Buffer> facilitated = call(method, path, facilitator, body.apply(facilitator));
    assertEquals(okStatus, facilitated.statusCode(), () -> "the facilitator: " + facilitated.bodyAsString());
    assertEquals(byFacilitator + 1, AuditProbe.countBy(server, groupId, action, facilitator.id(), subjectId),
        "the facilitator's act is audited once");
    assertEquals(total + 1, AuditProbe.count(server, groupId, action));
    return facilitated;
  }
}
