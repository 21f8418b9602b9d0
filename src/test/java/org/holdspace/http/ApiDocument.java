package org.holdspace.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.SchemaValidationException;
import org.holdspace.support.TestServer;

import java.util.ArrayList;
import java.util.List;

/** The OpenAPI document as the server serves it, parsed, and validation failures written out for a reader. */
final class ApiDocument {
  private ApiDocument() {
  }

  /** {@code GET /api/openapi.json} without a token: the raw document. */
  static JsonObject fetch(TestServer server) {
    return TestServer.expect(server.get("/api/openapi.json", null), 200);
  }

  /** The served document parsed and checked as an OpenAPI 3.1 contract by vertx-openapi. */
  static OpenAPIContract contract(TestServer server) {
    return parse(server.clientVertx(), fetch(server));
  }

  /** Parses a copy: the parser writes its bookkeeping into the document it is given. */
  static OpenAPIContract parse(Vertx vertx, JsonObject document) {
    return OpenAPIContract.from(vertx, document.copy()).await();
  }

  /** Each error of a validation as {@code <where in the value>: <what is wrong> (<which keyword>)}. */
  static List<String> errors(OutputUnit unit) {
    List<String> out = new ArrayList<>();
    collect(unit, out);
    return out.isEmpty() ? List.of(unit.toString()) : out;
  }

  /** A failed validation's errors, or its message when it has no output unit. */
  static String describe(Throwable failure) {
    if (failure instanceof SchemaValidationException e && e.getOutputUnit() != null) {
      return e.getMessage() + " " + errors(e.getOutputUnit());
    }
    return failure.toString();
  }

  /** The innermost errors only: each names the field itself, the ones around it only repeat it. */
  private static void collect(OutputUnit unit, List<String> out) {
    if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      unit.getErrors().forEach(e -> collect(e, out));
    } else if (unit.getError() != null) {
      String where = unit.getInstanceLocation() == null || unit.getInstanceLocation().isEmpty() ? "(the body)"
          : unit.getInstanceLocation();
      out.add(where + ": " + unit.getError() + " (" + unit.getKeywordLocation() + ")");
    }
  }
}
