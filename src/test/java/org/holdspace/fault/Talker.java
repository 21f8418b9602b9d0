package org.holdspace.fault;

import org.holdspace.support.ChatClient;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One account saying numbered messages in a group at a steady pace on its own thread, remembering what was
 * acknowledged (with when) and what was refused, so that a test can compare acknowledgements with the store.
 */
final class Talker implements Runnable {
  /** An acknowledgement: the seq the server gave and the moment it arrived. */
  record Ack(long seq, long atMillis) {
  }

  private final ChatClient client;
  private final long groupId;
  private final String name;
  private final long paceMillis;
  final Map<String, Ack> acked = new ConcurrentHashMap<>();
  final Set<String> unanswered = ConcurrentHashMap.newKeySet();
  final Map<String, Integer> errors = new ConcurrentHashMap<>();
  private volatile boolean stopped;
  private volatile boolean paused;
  private volatile boolean idle;
  private int next;
  private Thread thread;

  Talker(ChatClient client, long groupId, String name, long paceMillis) {
    this.client = client;
    this.groupId = groupId;
    this.name = name;
    this.paceMillis = paceMillis;
  }

  static String text(String clientId) {
    return "message " + clientId + " · ünïcödé ✓";
  }

  void start() {
    thread = new Thread(this, "talker-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    while (!stopped) {
      if (paused) {
        idle = true;
        pace(20);
        continue;
      }
      idle = false;
      attempt(name + "-" + (++next));
      pace(paceMillis);
    }
    idle = true;
  }

  /** Sends one message and waits for its answer; answers null when it was acknowledged, else the refusal. */
  String attempt(String clientId) {
    try {
      long seq = client.say(groupId, text(clientId), clientId).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
      acked.put(clientId, new Ack(seq, System.currentTimeMillis()));
      unanswered.remove(clientId);
      return null;
    } catch (ExecutionException e) {
      return refused(clientId, e.getCause() instanceof ChatClient.ErrorFrame f ? f.code() : "no answer: " + e.getCause());
    } catch (TimeoutException e) {
      return refused(clientId, "no answer within 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
      return refused(clientId, "interrupted");
    }
  }

  private String refused(String clientId, String code) {
    errors.merge(code, 1, Integer::sum);
    unanswered.add(clientId);
    return code;
  }

  /** Sends again, with the same clientId, whatever was refused, at the talker's pace. */
  void retryUnanswered() {
    for (String clientId : java.util.List.copyOf(unanswered)) {
      String refusal = attempt(clientId);
      if (refusal != null) {
        throw new AssertionError("a retry after recovery was refused with " + refusal + ": " + clientId);
      }
      pace(paceMillis);
    }
  }

  /** Whether an acknowledgement arrived after the moment. */
  boolean ackedAfter(long millis) {
    return acked.values().stream().anyMatch(a -> a.atMillis() > millis);
  }

  void pause() {
    idle = false;
    paused = true;
  }

  boolean idle() {
    return idle;
  }

  void resume() {
    paused = false;
  }

  void stop() throws InterruptedException {
    stopped = true;
    thread.join(60_000);
  }

  private static void pace(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
