package org.holdspace.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browsable API page at {@code /api/docs/} and the document it shows, served to anyone from the jar. */
@DisplayName("API document and its page")
@ExtendWith(TestServerExtension.class)
class ApiDocsTest {
  private static final Pattern LINKS = Pattern.compile("(?:src|href)=\"\\./([^\"]+)\"");

  private static TestServer server;

  @Test
  @DisplayName("GET /api/openapi.json answers the document as JSON without a token")
  void documentIsPublic() {
    HttpResponse<Buffer> response = server.get("/api/openapi.json", null);
    assertEquals(200, response.statusCode());
    assertEquals("application/json; charset=utf-8", response.getHeader("content-type"));
    assertEquals("3.1.0", response.bodyAsJsonObject().getString("openapi"));
    assertEquals("no-store", response.getHeader("Cache-Control"));
  }

  @Test
  @DisplayName("GET /api/docs/ answers an HTML page whose every script, style and icon answers 200")
  void pageAndItsFiles() {
    HttpResponse<Buffer> page = server.get("/api/docs/", null);
    assertEquals(200, page.statusCode());
    assertTrue(page.getHeader("content-type").startsWith("text/html"), page.getHeader("content-type"));
    String html = page.bodyAsString();
    assertFalse(html.contains("<script>") || html.contains("<style") || html.contains("style="),
        "the page has no inline script or style, so the content security policy needs no exception");
    String csp = page.getHeader("Content-Security-Policy");
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe"), csp);

    List<String> files = new ArrayList<>();
    Matcher links = LINKS.matcher(html);
    while (links.find()) {
      files.add(links.group(1));
    }
    assertTrue(files.containsAll(List.of("swagger-ui.css", "swagger-ui-bundle.js", "swagger-initializer.js")),
        "the page loads Swagger UI and its initializer: " + files);
    for (String file : files) {
      HttpResponse<Buffer> response = server.get("/api/docs/" + file, null);
      assertEquals(200, response.statusCode(), file);
      String type = response.getHeader("content-type");
      String expected = file.endsWith(".js") ? "javascript" : file.endsWith(".css") ? "text/css" : "image/";
      assertTrue(type != null && type.contains(expected), file + " is served as " + type);
      assertTrue(response.body().length() > 0, file + " is not empty");
    }
  }

  @Test
  @DisplayName("the initializer is this server's own: it loads /api/openapi.json, nothing from elsewhere")
  void initializerLoadsOurDocument() {
    String script = server.get("/api/docs/swagger-initializer.js", null).bodyAsString();
    assertTrue(script.contains("url: '/api/openapi.json'"), script);
    assertFalse(script.contains("http"), "no address outside this server: " + script);
  }

  @Test
  @DisplayName("/api/docs redirects to /api/docs/, and a file that is not there is a 404 without asking for a token")
  void redirectAndMissingFile() {
    WebClient client = WebClient.create(server.clientVertx());
    HttpResponse<Buffer> bare = client.get(server.port(), "127.0.0.1", "/api/docs").followRedirects(false).send()
        .await();
    client.close();
    assertEquals(301, bare.statusCode());
    assertEquals("/api/docs/", bare.getHeader("location"));
    HttpResponse<Buffer> missing = server.get("/api/docs/no-such-file.js", null);
    assertEquals(404, missing.statusCode());
    assertEquals("not_found", missing.bodyAsJsonObject().getString("code"));
  }
}
