package org.holdspace.security;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Security headers")
@ExtendWith(TestServerExtension.class)
class SecurityHeadersTest {
  private static TestServer server;

  private static final List<String> HEADERS = List.of("content-security-policy", "x-content-type-options",
      "x-frame-options", "referrer-policy", "cross-origin-opener-policy", "permissions-policy", "cache-control");

  @Test
  @DisplayName("every spelling of an API path is answered with the canonical path's headers, no-store included")
  void everySpelling() throws IOException {
    String member = server.newAccount("member", "Ibsen").token();
    for (String token : new String[] {null, member}) {
      for (String canonical : List.of("/api/groups", "/api/nothing", "/api/auth/login")) {
        Map<String, String> expected = securityHeaders(rawGet(canonical, token));
        assertEquals("no-store", expected.get("cache-control"), canonical);
        String rest = canonical.substring("/api".length());
        for (String spelling : List.of("/" + canonical, "/." + canonical, "/api/.." + canonical, "/api/." + rest,
            "/%61pi" + rest, "/api/x/.." + rest, "//" + canonical.substring(1).replace("/", "//"))) {
          String answer = rawGet(spelling, token);
          assertEquals(expected, securityHeaders(answer), spelling + " answered\n" + answer);
        }
      }
    }
  }

  /** The security headers of a raw answer, by lower-case name. */
  private static Map<String, String> securityHeaders(String answer) {
    Map<String, String> found = new TreeMap<>();
    for (String line : answer.split("\r\n\r\n", 2)[0].split("\r\n")) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      if (HEADERS.contains(name)) {
        found.put(name, line.substring(colon + 1).trim());
      }
    }
    return found;
  }

  /** A GET sent as written: HTTP clients would tidy the path before it leaves. */
  private static String rawGet(String path, String token) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
          + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  @DisplayName("every answer, page or API, success or error, carries the policy headers")
  void everyAnswer() {
    String member = server.newAccount("member", "Hedda").token();
    List<HttpResponse<Buffer>> answers = new ArrayList<>();
    answers.add(server.get("/", null));
    answers.add(server.get("/index.html", null));
    answers.add(server.get("/no-such-page.html", null));
    answers.add(server.get("/health", null));
    answers.add(server.get("/api/groups", null));
    answers.add(server.get("/api/groups", member));
    answers.add(server.get("/api/groups/12345", member));
    answers.add(server.get("/api/nothing", member));
    answers.add(server.get("/api/audit?limit=%ZZ", member));
    answers.add(server.post("/api/auth/login", null, "not json"));
    answers.add(server.post("/api/auth/login", null, new JsonObject().put("username", "x").put("password", "y")));
    answers.add(server.call(HttpMethod.DELETE, "/api/groups", member, null));
    answers.add(server.get("/ws", null));
    for (HttpResponse<Buffer> r : answers) {
      String csp = r.getHeader("Content-Security-Policy");
      String what = r.statusCode() + " " + r.bodyAsString();
      assertTrue(csp != null && csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'")
          && csp.contains("object-src 'none'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
          "a strict policy without inline script on " + what + ": " + csp);
      assertEquals("nosniff", r.getHeader("X-Content-Type-Options"), what);
      assertEquals("no-referrer", r.getHeader("Referrer-Policy"), what);
      assertEquals("DENY", r.getHeader("X-Frame-Options"), what);
    }
    assertEquals("no-store", server.get("/api/groups", member).getHeader("Cache-Control"), "API answers are not cached");
  }

  @Test
  @DisplayName("the web client's pages have no inline script or event handler, which the policy would block")
  void noInlineScript() throws IOException {
    Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    Pattern jsUrl = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);
    List<Path> pages;
    try (Stream<Path> files = Files.walk(Path.of("webroot"))) {
      pages = files.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertFalse(pages.isEmpty());
    for (Path page : pages) {
      String html = Files.readString(page);
      assertFalse(inlineScript.matcher(html).find(), page + " has an inline <script>");
      assertFalse(handler.matcher(html).find(), page + " has an inline event handler");
      assertFalse(jsUrl.matcher(html).find(), page + " has a javascript: URL");
    }
  }
}
