package org.holdspace.clinical;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.holdspace.support.ChatClient.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A member's page hears at once when their focus or homework changes, and nobody else does")
@ExtendWith(TestServerExtension.class)
class MyWorkNoticeTest {
  private static TestServer server;
  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Hale", "Ana", "Ben").open(server);

  private static boolean notice(JsonObject frame, String what) {
    return "my_work".equals(frame.getString("type")) && what.equals(frame.getString("what"));
  }

  @Test
  @DisplayName("setting the focus and the homework, and marking it done, each send my_work to that member only")
  void notices() {
    TestServer.Account facilitator = group.facilitator();
    TestServer.Account ana = group.member(0);
    ChatClient a = group.joined(ana);
    ChatClient b = group.joined(group.member(1));
    String member = "/api/groups/" + group.id() + "/members/" + ana.id();
    TestServer.expect(server.put(member + "/focus", facilitator.token(),
        new JsonObject().put("area", "grief").put("goal", "Talk about my father")), 200);
    JsonObject focus = a.await(f -> notice(f, "focus"), seconds(5));
    assertEquals(group.id(), focus.getLong("groupId"));
    assertFalse(focus.encode().contains("father"), "the notice carries no content");
    long id = TestServer.expect(server.post(member + "/homework", facilitator.token(),
        new JsonObject().put("text", "Call my sister")), 201).getLong("id");
    a.await(f -> notice(f, "homework"), seconds(5));
    TestServer.expect(server.post(member + "/homework/" + id + "/done", ana.token(), null), 200);
    a.await(f -> a.received().stream().filter(x -> notice(x, "homework")).count() == 2, seconds(5));
    assertTrue(b.received().stream().noneMatch(f -> "my_work".equals(f.getString("type"))));
  }
}
