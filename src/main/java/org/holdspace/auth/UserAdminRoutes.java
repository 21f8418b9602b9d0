package org.holdspace.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Fields;
import org.holdspace.core.Refusal;
import org.holdspace.core.Role;
import org.holdspace.http.Bodies;
import org.holdspace.http.Query;
import org.holdspace.http.Responses;

/** Account management for admins: {@code POST/GET /api/users}, {@code PATCH /api/users/{id}}, password resets. */
public final class UserAdminRoutes {
  private final AccountAdmin admin;
  private final Passwords passwords;

  public UserAdminRoutes(AccountAdmin admin, Passwords passwords) {
    this.admin = admin;
    this.passwords = passwords;
  }

  public void mount(Router router) {
    router.post("/api/users").handler(this::create);
    router.get("/api/users").handler(this::list);
    router.patch("/api/users/:userId").handler(this::update);
    router.post("/api/users/:userId/password-reset").handler(this::issueReset);
  }

  private void create(RoutingContext ctx) {
    AuthUser caller = AuthHandler.require(ctx, Role.ADMIN);
    JsonObject body = Bodies.object(ctx);
    String username = Usernames.forNewAccount(Fields.text(body, "username", 1, 64));
    String password = Fields.text(body, "password", 1, 400);
    PasswordPolicy.check("password", password, username);
    String displayName = Fields.text(body, "displayName", 1, 80).strip();
    Role role = Role.fromWire(Fields.oneOf(body, "role", Role.NAMES));
    String email = email(body);
    Responses.reply(ctx, 201, admin.create(caller, username, password, displayName, role, email));
  }

  private void list(RoutingContext ctx) {
    AuthHandler.require(ctx, Role.ADMIN);
    String query = ctx.request().getParam("query");
    if (query != null && query.length() > 100) {
      throw Refusal.invalid("query: at most 100 characters");
    }
    String roleName = ctx.request().getParam("role");
    if (roleName != null && !Role.NAMES.contains(roleName)) {
      throw Refusal.invalid("role: one of " + Role.NAMES);
    }
    String activeText = ctx.request().getParam("active");
    if (activeText != null && !activeText.equals("true") && !activeText.equals("false")) {
      throw Refusal.invalid("active: true or false");
    }
    int limit = (int) Query.number(ctx, "limit", 50, 1, 500);
    int offset = (int) Query.number(ctx, "offset", 0, 0, 1_000_000);
    Responses.reply(ctx, 200, admin.list(query == null || query.isBlank() ? null : query.strip(),
        roleName == null ? null : Role.fromWire(roleName), activeText == null ? null : Boolean.valueOf(activeText),
        limit, offset));
  }

  private void update(RoutingContext ctx) {
    AuthUser caller = AuthHandler.require(ctx, Role.ADMIN);
    long userId = Fields.pathId(ctx.pathParam("userId"));
    JsonObject body = Bodies.object(ctx);
    String displayName = Fields.optionalText(body, "displayName", 80);
    if (displayName != null && displayName.isBlank()) {
      throw Refusal.invalid("displayName: must not be blank");
    }
    String role = body.containsKey("role") ? Fields.oneOf(body, "role", Role.NAMES) : null;
    Object active = body.getValue("active");
    if (active != null && !(active instanceof Boolean)) {
      throw Refusal.invalid("active: must be true or false");
    }
    UserRepository.Changes changes = new UserRepository.Changes(displayName == null ? null : displayName.strip(),
        body.containsKey("email"), email(body), role == null ? null : Role.fromWire(role), (Boolean) active);
    Responses.reply(ctx, 200, admin.update(caller, userId, changes));
  }

  private void issueReset(RoutingContext ctx) {
    AuthUser caller = AuthHandler.require(ctx, Role.ADMIN);
    Responses.reply(ctx, 201, passwords.issueReset(caller, Fields.pathId(ctx.pathParam("userId"))));
  }

  /** The optional e-mail address: a plain {@code local@domain} shape, stored as given. */
  private static String email(JsonObject body) {
    String email = Fields.optionalText(body, "email", 254);
    if (email != null && !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw Refusal.invalid("email: not an e-mail address");
    }
    return email == null ? null : email.strip();
  }
}
