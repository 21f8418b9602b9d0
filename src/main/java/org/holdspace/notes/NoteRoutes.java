package org.holdspace.notes;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.clinical.ClinicalAccess;
import org.holdspace.core.Fields;
import org.holdspace.core.Refusal;
import org.holdspace.http.Bodies;
import org.holdspace.http.Responses;

/** The calls of progress notes and session summaries, in one table; see {@code docs/clinical.md}. */
public final class NoteRoutes {
  private static final String SESSION = "/api/groups/:id/sessions/:number";
  private static final String NOTE = SESSION + "/notes/:userId";
  static final int NOTE_MAX = 20_000;
  static final int ADDENDUM_MAX = 5_000;
  static final int SUMMARY_MAX = 10_000;

  private final NoteService notes;
  private final SummaryService summaries;

  public NoteRoutes(NoteService notes, SummaryService summaries) {
    this.notes = notes;
    this.summaries = summaries;
  }

  public void mount(Router router) {
    router.route(HttpMethod.GET, NOTE + "/draft").handler(ctx -> ok(ctx, notes.draft(target(ctx), number(ctx))));
    router.route(HttpMethod.GET, NOTE).handler(ctx -> ok(ctx, notes.get(target(ctx), number(ctx))));
    router.route(HttpMethod.PUT, NOTE).handler(ctx -> {
      ClinicalAccess.Target t = target(ctx);
      int n = number(ctx);
      ok(ctx, notes.write(t, n, Fields.text(Bodies.object(ctx), "text", 1, NOTE_MAX)));
    });
    router.route(HttpMethod.POST, NOTE + "/sign").handler(ctx -> ok(ctx, notes.sign(target(ctx), number(ctx))));
    router.route(HttpMethod.POST, NOTE + "/addenda").handler(ctx -> {
      ClinicalAccess.Target t = target(ctx);
      int n = number(ctx);
      Responses.reply(ctx, 201, notes.addendum(t, n, Fields.text(Bodies.object(ctx), "text", 1, ADDENDUM_MAX)));
    });
    router.route(HttpMethod.PUT, SESSION + "/summary").handler(ctx -> {
      long groupId = Fields.pathId(ctx.pathParam("id"));
      int n = number(ctx);
      ok(ctx, summaries.publish(AuthHandler.user(ctx), groupId, n,
          Fields.text(Bodies.object(ctx), "text", 1, SUMMARY_MAX)));
    });
    router.route(HttpMethod.GET, SESSION + "/summary").handler(ctx ->
        ok(ctx, summaries.get(AuthHandler.user(ctx), Fields.pathId(ctx.pathParam("id")), number(ctx))));
  }

  private static ClinicalAccess.Target target(RoutingContext ctx) {
    return new ClinicalAccess.Target(AuthHandler.user(ctx), Fields.pathId(ctx.pathParam("id")),
        Fields.pathId(ctx.pathParam("userId")));
  }

  /** A session number 0-999; anything else names no session (404). */
  private static int number(RoutingContext ctx) {
    String raw = ctx.pathParam("number");
    if (raw == null || !raw.matches("0|[1-9]\\d{0,2}")) {
      throw Refusal.notFound("no such session");
    }
    return Integer.parseInt(raw);
  }

  private static void ok(RoutingContext ctx, Future<?> answer) {
    Responses.reply(ctx, 200, answer);
  }
}
