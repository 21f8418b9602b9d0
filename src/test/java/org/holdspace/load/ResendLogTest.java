package org.holdspace.load;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Future;
import org.holdspace.support.ChatClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reconnecting client resends what it never saw acknowledged: each resend is answered, and quietly. */
@DisplayName("Resent clientIds")
@ExtendWith(TestServerExtension.class)
class ResendLogTest {
  private static final int MESSAGES = 300;
  private static TestServer server;

  @Test
  @DisplayName("get their first seqs and no log line each, while the node knows them and after it restarted")
  void quietResends() throws Exception {
    TestServer.Account facilitator = server.newAccount("facilitator", "Dr. Resend");
    long groupId = server.newGroup(facilitator, "ipt", 12).getLong("id");
    server.startSession(facilitator, groupId);
    ChatClient client = server.connect(facilitator);
    List<Long> seqs = sayAll(client, groupId, "fresh");

    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    try {
      assertEquals(seqs, sayAll(client, groupId, "resent"), "resends the node knows");
      int known = captured.list.size();
      client.close();
      server.restart();
      captured.list.clear();
      client = server.connect(facilitator);
      assertEquals(seqs, sayAll(client, groupId, "resent after a restart"), "resends after a restart");
      // Left out: the metrics library's own start-up warning, which can come late.
      List<ILoggingEvent> lines = List.copyOf(captured.list).stream()
          .filter(e -> !e.getLoggerName().startsWith("io.micrometer")).toList();
      assertEquals(0, known, "log lines while resending to the same node: " + captured.list);
      assertTrue(lines.stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN)),
          "warnings while resending after a restart: " + lines);
      assertTrue(lines.size() < 5, "log lines per resend after a restart: " + lines);
    } finally {
      root.detachAppender(captured);
      client.close();
    }
  }

  /** Sends the messages (clientIds c0 … cN-1) all at once, and answers their seqs in order. */
  private static List<Long> sayAll(ChatClient client, long groupId, String text) throws Exception {
    List<Future<Long>> acks = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      acks.add(client.say(groupId, text, "c" + i));
    }
    Future.all(acks).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    return acks.stream().map(Future::result).toList();
  }
}
