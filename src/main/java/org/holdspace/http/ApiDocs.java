package org.holdspace.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.holdspace.core.Refusal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The API described for its readers, open to anyone: {@code GET /api/openapi.json}, the OpenAPI 3.1 document packaged
 * at {@code openapi/openapi.json}, and {@code GET /api/docs/}, Swagger UI from its webjar showing that document. The
 * page's own files ({@code openapi/docs/}: the index and the script that starts the UI) come first, so no inline
 * script or style is needed under the content security policy; every other file is the webjar's.
 */
public final class ApiDocs {
  private static final String DOCUMENT = "openapi/openapi.json";
  private static final String PAGE = "openapi/docs";
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private final Buffer document;
  private final String webjarRoot;

  /** Reads the document and finds the packaged Swagger UI; a build without either fails here, at start-up. */
  public ApiDocs() {
    this.document = Buffer.buffer(resource(DOCUMENT));
    Properties webjar = new Properties();
    try (InputStream in = new java.io.ByteArrayInputStream(resource(WEBJAR_VERSION))) {
      webjar.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.webjarRoot = WEBJAR + webjar.getProperty("version");
  }

  public void mount(Router router) {
    router.get("/api/openapi.json").handler(ctx -> ctx.response()
        .putHeader("content-type", "application/json; charset=utf-8").end(document));
    router.get("/api/docs/*")
        .handler(ApiDocs::slashFirst)
        .handler(StaticHandler.create(PAGE).setCachingEnabled(false).setIndexPage("index.html"))
        .handler(StaticHandler.create(webjarRoot).setCachingEnabled(false))
        .handler(ctx -> ctx.fail(Refusal.notFound()));
  }

  /** {@code /api/docs} becomes {@code /api/docs/}, where the page's relative links resolve. */
  private static void slashFirst(RoutingContext ctx) {
    if (ctx.normalizedPath().equals("/api/docs")) {
      ctx.response().setStatusCode(301).putHeader("location", "/api/docs/").end();
    } else {
      ctx.next();
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
