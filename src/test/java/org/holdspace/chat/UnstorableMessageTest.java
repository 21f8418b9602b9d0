package org.holdspace.chat;

import io.vertx.core.Future;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One message the database refuses (a trigger stands in for any per-row failure) among many sent at once: only that
 * one is refused; the others are stored and acknowledged.
 */
@DisplayName("A message the database cannot store")
@ExtendWith(TestServerExtension.class)
class UnstorableMessageTest {
  private static final String POISON = "this one cannot be stored";
  private static TestServer server;
  private static Pool pool;

  @BeforeAll
  static void poison() {
    pool = PgBuilder.pool().connectingTo(server.server().databaseUrl().connectOptions())
        .using(server.clientVertx()).build();
    pool.query("CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        + "IF NEW.body->>'text' = '" + POISON + "' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
        + "RETURN NEW; END $$").execute()
        .compose(v -> pool.query("CREATE TRIGGER refuse_poison BEFORE INSERT ON group_events "
            + "FOR EACH ROW EXECUTE FUNCTION refuse_poison()").execute())
        .await();
  }

  @AfterAll
  static void cure() {
    pool.query("DROP TRIGGER refuse_poison ON group_events").execute().await();
    pool.close().await();
  }

  @Test
  @DisplayName("is refused with unavailable on its own; every other message of its batch is stored")
  void onlyThePoisonFails() throws Exception {
    LiveGroup group = LiveGroup.of("Dr. Tox", 1).started().open(server);
    ChatClient facilitator = group.joined(group.facilitator());
    List<Future<Long>> answers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      answers.add(facilitator.say(group.id(), i == 30 ? POISON : "fine " + i, "m" + i));
    }
    Future.join(new ArrayList<>(answers)).toCompletionStage().toCompletableFuture()
        .handle((v, e) -> null).get(30, TimeUnit.SECONDS);
    for (int i = 0; i < answers.size(); i++) {
      if (i == 30) {
        assertTrue(answers.get(i).failed(), "the poisoned message is refused");
        assertEquals("unavailable", ((ChatClient.ErrorFrame) answers.get(i).cause()).code());
      } else {
        assertTrue(answers.get(i).succeeded(), "message " + i + " is stored: " + answers.get(i).cause());
      }
    }
    List<Long> seqs = answers.stream().filter(Future::succeeded).map(Future::result).distinct().toList();
    assertEquals(59, seqs.size(), "59 distinct seqs");
  }
}
