package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.auth.AuthHandler;
import org.holdspace.core.Fields;
import org.holdspace.http.Bodies;
import org.holdspace.http.Query;
import org.holdspace.http.Responses;

import java.util.List;

/**
 * Every clinical call of the API, in one table: the instruments, questionnaires and outcome flags, the course and its phase, the inventory and report
 * cards, focus and goals, homework, individual meetings, the progress review and the dashboard. Handlers read the
 * path and body into requests and hand them to the services; see {@code docs/clinical.md}.
 */
final class ClinicalRoutes {
  private static final String GROUP = "/api/groups/:id";
  private static final String MEMBER = GROUP + "/members/:userId";

  /** One call: its method, its path and what answers it. */
  record Route(HttpMethod method, String path, Handler<RoutingContext> handler) {
  }

  private final MeasureService measures;
  private final CourseService course;
  private final InventoryService inventory;
  private final ReportCardService cards;
  private final FocusService focus;
  private final HomeworkService homework;
  private final MeetingService meetings;
  private final ReviewService reviews;
  private final DashboardService dashboard;
  private final OutcomeService outcomes;

  ClinicalRoutes(MeasureService measures, CourseService course, InventoryService inventory, ReportCardService cards,
                 FocusService focus, HomeworkService homework, MeetingService meetings, ReviewService reviews,
                 DashboardService dashboard, OutcomeService outcomes) {
    this.measures = measures;
    this.course = course;
    this.inventory = inventory;
    this.cards = cards;
    this.focus = focus;
    this.homework = homework;
    this.meetings = meetings;
    this.reviews = reviews;
    this.dashboard = dashboard;
    this.outcomes = outcomes;
  }

  List<Route> routes() {
    return List.of(
        new Route(HttpMethod.GET, "/api/instruments", ctx -> ok(ctx,
            Future.succeededFuture(Instruments.builtIn().toJson()))),
        new Route(HttpMethod.POST, MEMBER + "/measures", this::recordMeasure),
        new Route(HttpMethod.GET, MEMBER + "/measures", ctx -> ok(ctx, measures.list(member(ctx)))),
        new Route(HttpMethod.GET, MEMBER + "/outcomes", ctx -> ok(ctx, outcomes.get(member(ctx)))),
        new Route(HttpMethod.GET, GROUP + "/clinical", ctx -> ok(ctx, course.get(AuthHandler.user(ctx), group(ctx)))),
        new Route(HttpMethod.PUT, GROUP + "/clinical", this::saveSettings),
        new Route(HttpMethod.POST, GROUP + "/phase", this::changePhase),
        new Route(HttpMethod.PUT, MEMBER + "/inventory", this::putInventory),
        new Route(HttpMethod.GET, MEMBER + "/inventory", ctx -> ok(ctx, inventory.get(member(ctx)))),
        new Route(HttpMethod.POST, MEMBER + "/report-cards", this::recordCard),
        new Route(HttpMethod.GET, MEMBER + "/report-cards", ctx -> ok(ctx, cards.history(member(ctx)))),
        new Route(HttpMethod.PUT, MEMBER + "/focus", this::setFocus),
        new Route(HttpMethod.GET, MEMBER + "/focus", ctx -> ok(ctx, focus.get(member(ctx)))),
        new Route(HttpMethod.POST, MEMBER + "/goals/ratings", this::rateGoals),
        new Route(HttpMethod.POST, MEMBER + "/homework", this::setHomework),
        new Route(HttpMethod.GET, MEMBER + "/homework", ctx -> ok(ctx, homework.list(member(ctx)))),
        new Route(HttpMethod.POST, MEMBER + "/homework/:homeworkId/done", this::homeworkDone),
        new Route(HttpMethod.GET, GROUP + "/homework/due", this::homeworkDue),
        new Route(HttpMethod.GET, MEMBER + "/meetings", ctx -> ok(ctx, meetings.list(member(ctx)))),
        new Route(HttpMethod.PUT, MEMBER + "/meetings/:kind", this::changeMeeting),
        new Route(HttpMethod.GET, MEMBER + "/review", ctx -> ok(ctx, reviews.review(member(ctx)))),
        new Route(HttpMethod.PUT, MEMBER + "/relapse-plan", this::saveRelapsePlan),
        new Route(HttpMethod.GET, GROUP + "/dashboard", ctx -> ok(ctx, dashboard.get(AuthHandler.user(ctx), group(ctx)))));
  }

  void mount(Router router) {
    routes().forEach(r -> router.route(r.method(), r.path()).handler(r.handler()));
  }

  private void recordMeasure(RoutingContext ctx) {
    ClinicalAccess.Target target = member(ctx);
    Responses.reply(ctx, 201, measures.record(target, MeasureRequest.fromJson(Bodies.object(ctx))));
  }

  private void saveSettings(RoutingContext ctx) {
    long groupId = group(ctx);
    CourseRequests.Settings settings = CourseRequests.Settings.fromJson(Bodies.object(ctx));
    ok(ctx, course.saveSettings(AuthHandler.user(ctx), groupId, settings));
  }

  private void changePhase(RoutingContext ctx) {
    long groupId = group(ctx);
    CourseRequests.PhaseChange change = CourseRequests.PhaseChange.fromJson(Bodies.object(ctx));
    ok(ctx, course.changePhase(AuthHandler.user(ctx), groupId, change));
  }

  private void putInventory(RoutingContext ctx) {
    ClinicalAccess.Target target = member(ctx);
    ok(ctx, inventory.put(target, InventoryRequest.fromJson(Bodies.object(ctx))));
  }

  private void recordCard(RoutingContext ctx) {
    ClinicalAccess.Target target = member(ctx);
    Responses.reply(ctx, 201, cards.record(target, ReportCardRequest.fromJson(Bodies.object(ctx))));
  }

  private void setFocus(RoutingContext ctx) {
    ClinicalAccess.Target target = member(ctx);
    ok(ctx, focus.set(target, FocusRequest.fromJson(Bodies.object(ctx)))
        .onSuccess(v -> WorkNotice.changed(ctx.vertx(), target, "focus")));
  }

  private void rateGoals(RoutingContext ctx) {
    ClinicalAccess.Target target = member(ctx);
    Responses.reply(ctx, 201, focus.rate(target, GoalRatingsRequest.fromJson(Bodies.object(ctx))));
  }

  private void setHomework(RoutingContext ctx) {
    ClinicalAccess.Target target = member(ctx);
    Responses.reply(ctx, 201, homework.set(target, HomeworkService.NewHomework.fromJson(Bodies.object(ctx)))
        .onSuccess(v -> WorkNotice.changed(ctx.vertx(), target, "homework")));
  }

  private void homeworkDone(RoutingContext ctx) {
    ClinicalAccess.Target target = member(ctx);
    long homeworkId = Fields.pathId(ctx.pathParam("homeworkId"));
    boolean empty = ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() <= 0;
    JsonObject body = empty ? new JsonObject() : Bodies.object(ctx);
    String note = ClinicalFields.blankToNull(Fields.optionalText(body, "note", 2000));
    ok(ctx, homework.markDone(target, homeworkId, note)
        .onSuccess(v -> WorkNotice.changed(ctx.vertx(), target, "homework")));
  }

  private void homeworkDue(RoutingContext ctx) {
    long groupId = group(ctx);
    Long session = Query.optional(ctx, "session", 4);
    ok(ctx, homework.due(AuthHandler.user(ctx), groupId, session == null ? null : session.intValue()));
  }

  private void changeMeeting(RoutingContext ctx) {
    ClinicalAccess.Target target = member(ctx);
    String kind = MeetingService.Change.kind(ctx.pathParam("kind"));
    ok(ctx, meetings.change(target, MeetingService.Change.fromJson(kind, Bodies.object(ctx))));
  }

  private void saveRelapsePlan(RoutingContext ctx) {
    ClinicalAccess.Target target = member(ctx);
    ok(ctx, reviews.saveRelapsePlan(target, ReviewService.RelapsePlan.fromJson(Bodies.object(ctx))));
  }

  private static ClinicalAccess.Target member(RoutingContext ctx) {
    return ClinicalAccess.Target.of(ctx);
  }

  private static long group(RoutingContext ctx) {
    return Fields.pathId(ctx.pathParam("id"));
  }

  private static void ok(RoutingContext ctx, Future<?> answer) {
    Responses.reply(ctx, 200, answer);
  }
}
