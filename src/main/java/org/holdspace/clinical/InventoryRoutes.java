package org.holdspace.clinical;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.http.Bodies;
import org.holdspace.http.Responses;

/**
 * {@code PUT}/{@code GET /api/groups/{id}/members/{userId}/inventory} (contract) and the relationship report cards,
 * {@code POST}/{@code GET .../report-cards}.
 */
public final class InventoryRoutes {
  private final InventoryService inventory;
  private final ReportCardService cards;

  public InventoryRoutes(InventoryService inventory, ReportCardService cards) {
    this.inventory = inventory;
    this.cards = cards;
  }

  public void mount(Router router) {
    router.put("/api/groups/:id/members/:userId/inventory").handler(this::put);
    router.get("/api/groups/:id/members/:userId/inventory").handler(this::get);
    router.post("/api/groups/:id/members/:userId/report-cards").handler(this::recordCard);
    router.get("/api/groups/:id/members/:userId/report-cards").handler(this::cards);
  }

  private void put(RoutingContext ctx) {
    ClinicalAccess.Target target = ClinicalAccess.Target.of(ctx);
    InventoryRequest request = InventoryRequest.fromJson(Bodies.object(ctx));
    Responses.reply(ctx, 200, inventory.put(target, request));
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, 200, inventory.get(ClinicalAccess.Target.of(ctx)));
  }

  private void recordCard(RoutingContext ctx) {
    ClinicalAccess.Target target = ClinicalAccess.Target.of(ctx);
    ReportCardRequest request = ReportCardRequest.fromJson(Bodies.object(ctx));
    Responses.reply(ctx, 201, cards.record(target, request));
  }

  private void cards(RoutingContext ctx) {
    Responses.reply(ctx, 200, cards.history(ClinicalAccess.Target.of(ctx)));
  }
}
