package org.holdspace.ops;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.holdspace.auth.Tokens;
import org.holdspace.config.Config;
import org.holdspace.config.ConfigException;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operations keys: shutdown grace, log format and the previous signing secret of a rotation. */
@DisplayName("Operations settings")
class OpsConfigTest {
  private static final String OLD = "the-old-signing-secret-0123456789abcdef";
  private static final String NEW = "the-new-signing-secret-0123456789abcdef";
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static Config from(Map<String, String> env) {
    return Config.from(new JsonObject(), env);
  }

  private static void refused(Map<String, String> env, String key, String variable) {
    ConfigException e = assertThrows(ConfigException.class, () -> from(env));
    assertTrue(e.getMessage().contains("'" + key + "'") && e.getMessage().contains(variable), e.getMessage());
  }

  @Test
  @DisplayName("default to a 10 second grace, text logs and no previous secret; the environment overrides them")
  void defaultsAndEnvironment() {
    Config defaults = from(Map.of());
    assertEquals(10, defaults.shutdownGraceSeconds());
    assertEquals("text", defaults.logFormat());
    assertEquals(Optional.empty(), defaults.jwtPreviousSecret());
    Config set = from(Map.of("HOLDSPACE_SHUTDOWN_GRACE_SECONDS", "25", "HOLDSPACE_LOG_FORMAT", "json",
        "HOLDSPACE_JWT_SECRET", NEW, "HOLDSPACE_JWT_PREVIOUS_SECRET", OLD));
    assertEquals(25, set.shutdownGraceSeconds());
    assertEquals("json", set.logFormat());
    assertEquals(Optional.of(OLD), set.jwtPreviousSecret());
  }

  @Test
  @DisplayName("refuse bad values with a message naming the key and its variable")
  void badValues() {
    refused(Map.of("HOLDSPACE_SHUTDOWN_GRACE_SECONDS", "0"), "shutdownGraceSeconds",
        "HOLDSPACE_SHUTDOWN_GRACE_SECONDS");
    refused(Map.of("HOLDSPACE_SHUTDOWN_GRACE_SECONDS", "soon"), "shutdownGraceSeconds",
        "HOLDSPACE_SHUTDOWN_GRACE_SECONDS");
    refused(Map.of("HOLDSPACE_LOG_FORMAT", "xml"), "logFormat", "HOLDSPACE_LOG_FORMAT");
    refused(Map.of("HOLDSPACE_JWT_SECRET", NEW, "HOLDSPACE_JWT_PREVIOUS_SECRET", "short"), "jwtPreviousSecret",
        "HOLDSPACE_JWT_PREVIOUS_SECRET");
    refused(Map.of("HOLDSPACE_JWT_PREVIOUS_SECRET", OLD), "jwtPreviousSecret", "HOLDSPACE_JWT_PREVIOUS_SECRET");
    refused(Map.of("HOLDSPACE_JWT_SECRET", NEW, "HOLDSPACE_JWT_PREVIOUS_SECRET", NEW), "jwtPreviousSecret",
        "HOLDSPACE_JWT_PREVIOUS_SECRET");
  }

  @Test
  @DisplayName("after a rotation, tokens of the previous secret are still accepted and new ones use the new secret")
  void rotation() {
    AuthUser ana = new AuthUser(7, "ana", "Ana", Role.MEMBER);
    String before = new Tokens(vertx, OLD, 60).issue(ana).token();
    Tokens rotated = new Tokens(vertx, NEW, Optional.of(OLD), 60);
    assertEquals(ana, rotated.verify(before).await());
    String after = rotated.issue(ana).token();
    assertEquals(ana, new Tokens(vertx, NEW, 60).verify(after).await(), "signed with the new secret");
    assertTrue(failed(new Tokens(vertx, OLD, 60), after), "not signed with the previous secret");
    assertTrue(failed(new Tokens(vertx, NEW, 60), before), "once the previous secret is dropped, its tokens end");
  }

  private static boolean failed(Tokens tokens, String token) {
    return tokens.verify(token).toCompletionStage().handle((ok, e) -> e != null).toCompletableFuture().join();
  }
}
