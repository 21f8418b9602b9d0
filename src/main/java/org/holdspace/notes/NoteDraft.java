package org.holdspace.notes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The text a draft progress note starts from, made from the session's facts; the facilitator edits it. */
final class NoteDraft {
  private NoteDraft() {
  }

  static String text(JsonObject facts) {
    StringBuilder b = new StringBuilder();
    int session = facts.getInteger("session");
    b.append(session == 0 ? "Pre-group meeting" : "Session " + session).append(": ");
    Boolean attended = facts.getBoolean("attended");
    b.append(attended == null ? "not held yet" : attended ? "attended" : "did not attend").append(".\n");
    JsonObject round = facts.getJsonObject("goRound");
    if (round.getInteger("rounds") > 0) {
      b.append("Go-round: ").append(count(round.getInteger("turns"), "turn")).append(" taken, ")
          .append(round.getInteger("passed")).append(" passed, in ")
          .append(count(round.getInteger("rounds"), "round")).append(".\n");
    }
    JsonArray q = facts.getJsonArray("questionnaires");
    if (!q.isEmpty()) {
      b.append("Questionnaires:");
      q.forEach(o -> {
        JsonObject m = (JsonObject) o;
        b.append(' ').append(m.getString("instrument").toUpperCase(java.util.Locale.ROOT)).append(' ')
            .append(m.getInteger("total")).append(" (").append(m.getString("severity").replace('_', ' ')).append(");");
      });
      b.setLength(b.length() - 1);
      b.append(".\n");
    }
    list(b, "Homework set", facts.getJsonArray("homeworkSet"), false);
    list(b, "Homework due", facts.getJsonArray("homeworkDue"), true);
    b.append("\nAssessment and plan: ");
    return b.toString();
  }

  private static void list(StringBuilder b, String title, JsonArray items, boolean status) {
    if (items.isEmpty()) {
      return;
    }
    b.append(title).append(":\n");
    items.forEach(o -> {
      JsonObject h = (JsonObject) o;
      b.append("- ").append(h.getString("text"));
      if (status) {
        b.append(h.getBoolean("done") ? " (done)" : " (not done)");
      }
      b.append('\n');
    });
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
