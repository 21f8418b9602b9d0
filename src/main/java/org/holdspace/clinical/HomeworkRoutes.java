package org.holdspace.clinical;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.Refusal;
import org.holdspace.http.Bodies;
import org.holdspace.core.Fields;
import org.holdspace.http.Responses;

/**
 * {@code POST}/{@code GET .../members/{userId}/homework}, {@code POST .../homework/{homeworkId}/done}, and the
 * facilitators' {@code GET /api/groups/{id}/homework/due?session=N}.
 */
public final class HomeworkRoutes {
  private final HomeworkService homework;

  public HomeworkRoutes(HomeworkService homework) {
    this.homework = homework;
  }

  public void mount(Router router) {
    router.post("/api/groups/:id/members/:userId/homework").handler(this::set);
    router.get("/api/groups/:id/members/:userId/homework").handler(this::list);
    router.post("/api/groups/:id/members/:userId/homework/:homeworkId/done").handler(this::done);
    router.get("/api/groups/:id/homework/due").handler(this::due);
  }

  private void set(RoutingContext ctx) {
    ClinicalAccess.Target target = ClinicalAccess.Target.of(ctx);
    JsonObject body = Bodies.object(ctx);
    HomeworkService.NewHomework request = new HomeworkService.NewHomework(Fields.text(body, "text", 1, 2000).strip(),
        Fields.optionalInt(body, "dueSession", 1, 1000));
    Responses.reply(ctx, 201, homework.set(target, request));
  }

  private void list(RoutingContext ctx) {
    Responses.reply(ctx, 200, homework.list(ClinicalAccess.Target.of(ctx)));
  }

  private void done(RoutingContext ctx) {
    ClinicalAccess.Target target = ClinicalAccess.Target.of(ctx);
    long homeworkId = Fields.pathId(ctx.pathParam("homeworkId"));
    boolean empty = ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() <= 0;
    JsonObject body = empty ? new JsonObject() : Bodies.object(ctx);
    String note = ClinicalFields.blankToNull(Fields.optionalText(body, "note", 2000));
    Responses.reply(ctx, 200, homework.markDone(target, homeworkId, note));
  }

  private void due(RoutingContext ctx) {
    long groupId = Fields.pathId(ctx.pathParam("id"));
    String raw = ctx.queryParams().get("session");
    if (raw != null && !raw.matches("\\d{1,4}")) {
      throw Refusal.invalid("session: must be a whole number");
    }
    Responses.reply(ctx, 200, homework.due(AuthHandler.user(ctx), groupId, raw == null ? null : Integer.parseInt(raw)));
  }
}
