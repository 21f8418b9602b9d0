package org.holdspace.clinical;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.http.Bodies;
import org.holdspace.core.Fields;
import org.holdspace.http.Responses;

/** {@code GET}/{@code PUT /api/groups/{id}/clinical} and {@code POST /api/groups/{id}/phase}. */
public final class CourseRoutes {
  private final CourseService course;

  public CourseRoutes(CourseService course) {
    this.course = course;
  }

  public void mount(Router router) {
    router.get("/api/groups/:id/clinical").handler(this::get);
    router.put("/api/groups/:id/clinical").handler(this::settings);
    router.post("/api/groups/:id/phase").handler(this::phase);
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, 200, course.get(AuthHandler.user(ctx), Fields.pathId(ctx.pathParam("id"))));
  }

  private void settings(RoutingContext ctx) {
    long groupId = Fields.pathId(ctx.pathParam("id"));
    CourseRequests.Settings settings = CourseRequests.Settings.fromJson(Bodies.object(ctx));
    Responses.reply(ctx, 200, course.saveSettings(AuthHandler.user(ctx), groupId, settings));
  }

  private void phase(RoutingContext ctx) {
    long groupId = Fields.pathId(ctx.pathParam("id"));
    CourseRequests.PhaseChange change = CourseRequests.PhaseChange.fromJson(Bodies.object(ctx));
    Responses.reply(ctx, 200, course.changePhase(AuthHandler.user(ctx), groupId, change));
  }
}
