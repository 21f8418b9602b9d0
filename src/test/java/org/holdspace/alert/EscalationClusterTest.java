package org.holdspace.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestCluster;
import org.holdspace.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two clustered nodes over one database, both running the escalation job: each escalation is mailed once. */
@DisplayName("Escalation in a cluster of two nodes")
class EscalationClusterTest {
  private static final int SMTP_PORT = EscalationTest.freePort();
  private static GreenMail smtp;
  private static TestCluster cluster;

  @BeforeAll
  static void start() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, Object> settings = new HashMap<>(EscalationTest.settings());
    settings.put("smtpPort", SMTP_PORT);
    cluster = TestCluster.start(2, settings);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    smtp.stop();
  }

  @Test
  @DisplayName("alerts raised on either node, escalated at once or when due, each go out exactly once")
  void eachEscalationOnce() {
    TestServer a = cluster.node(0);
    TestServer b = cluster.node(1);
    EscalationTest.Group atOnce = EscalationTest.group(a);
    expect(a.post("/api/groups/" + atOnce.id() + "/help", atOnce.member().token(), null), 201);
    EscalationTest.Group dueOnA = EscalationTest.group(a);
    EscalationTest.Group dueOnB = EscalationTest.group(b);
    ChatClient fa = a.connect(dueOnA.facilitator());
    fa.join(dueOnA.id(), null).await();
    ChatClient fb = b.connect(dueOnB.facilitator());
    fb.join(dueOnB.id(), null).await();
    for (int i = 0; i < 3; i++) {
      expect(a.post("/api/groups/" + dueOnA.id() + "/help", dueOnA.member().token(), null), 201);
      expect(b.post("/api/groups/" + dueOnB.id() + "/help", dueOnB.member().token(), null), 201);
    }
    EscalationTest.awaitMails(smtp, atOnce.id(), 2, 15_000);
    EscalationTest.awaitMails(smtp, dueOnA.id(), 6, 20_000);
    EscalationTest.awaitMails(smtp, dueOnB.id(), 6, 20_000);
    EscalationTest.sleep(4000);
    for (EscalationTest.Group g : List.of(atOnce, dueOnA, dueOnB)) {
      int alerts = g == atOnce ? 1 : 3;
      assertEquals(2 * alerts, EscalationTest.mailsOf(smtp, g.id()).size(),
          "one mail to the facilitator and one to on-call per alert, in group " + g.id());
    }
    fa.close();
    fb.close();
  }
}
