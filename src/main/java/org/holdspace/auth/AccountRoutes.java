package org.holdspace.auth;

import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.holdspace.http.Bodies;
import org.holdspace.core.Fields;
import org.holdspace.http.Responses;

/** {@code POST /api/auth/login}, {@code POST /api/auth/refresh} and {@code POST /api/users}. */
public final class AccountRoutes {
  private final AccountService accounts;

  public AccountRoutes(AccountService accounts) {
    this.accounts = accounts;
  }

  /** Routes that need no token. */
  public void mountPublic(Router router) {
    router.post("/api/auth/login").handler(this::login);
  }

  /** Routes behind the token check. */
  public void mount(Router router) {
    router.post("/api/auth/refresh").handler(this::refresh);
    router.post("/api/users").handler(this::createUser);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    String username = Fields.text(body, "username", 1, 100);
    String password = Fields.text(body, "password", 1, 200);
    String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    Responses.reply(ctx, 200, accounts.login(username, password, address).map(login -> new JsonObject()
        .put("token", login.issued().token())
        .put("expiresAt", login.issued().expiresAt().toString())
        .put("user", login.user().toJson())));
  }

  private void refresh(RoutingContext ctx) {
    Responses.reply(ctx, 200, accounts.refresh(AuthHandler.user(ctx)).map(issued -> new JsonObject()
        .put("token", issued.token())
        .put("expiresAt", issued.expiresAt().toString())));
  }

  private void createUser(RoutingContext ctx) {
    AuthHandler.require(ctx, Role.ADMIN);
    JsonObject body = Bodies.object(ctx);
    String username = Fields.text(body, "username", 3, 40);
    if (!username.matches("[A-Za-z0-9._-]+")) {
      throw org.holdspace.core.Refusal.invalid("username: only letters, digits, '.', '_' and '-'");
    }
    String password = Fields.text(body, "password", 10, 200);
    String displayName = Fields.text(body, "displayName", 1, 80).strip();
    Role role = Role.fromWire(Fields.oneOf(body, "role", Role.NAMES));
    String email = Fields.optionalText(body, "email", 254);
    if (email != null && !email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
      throw org.holdspace.core.Refusal.invalid("email: must be an e-mail address");
    }
    Responses.reply(ctx, 201, accounts.create(username, password, displayName, role, email)
        .map(user -> email == null ? user.toJson() : user.toJson().put("email", email)));
  }
}
