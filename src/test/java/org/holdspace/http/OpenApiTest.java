package org.holdspace.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /api/openapi.json} against the router it describes: every route of {@code Services.router} is an
 * operation of the document and every operation a route; the document is a valid OpenAPI 3.1 contract; every
 * example validates against its schema; and every operation lists the refusals its kind of route can answer.
 */
@DisplayName("OpenAPI document")
@ExtendWith(TestServerExtension.class)
class OpenApiTest {
  /** Routes that are not HTTP calls to describe here: the WebSocket, whose frames are in docs/protocol.md. */
  private static final Set<String> NOT_DESCRIBED = Set.of("GET /ws");
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

  private static TestServer server;
  private static JsonObject document;
  private static OpenAPIContract contract;

  @BeforeAll
  static void fetch() {
    document = ApiDocument.fetch(server);
    contract = ApiDocument.parse(server.clientVertx(), document);
  }

  @Test
  @DisplayName("describes every route of the router, and nothing the router does not have")
  void routesAndOperationsMatch() {
    Set<String> routes = new TreeSet<>();
    for (Route route : server.server().services().router(server.server().vertx()).getRoutes()) {
      if (route.methods() != null && route.getPath() != null) {
        // Vert.x writes a path parameter as :name, OpenAPI as {name}.
        String path = route.getPath().replaceAll(":(\\w+)", "{$1}");
        route.methods().forEach(m -> routes.add(m.name() + " " + path));
      }
    }
    routes.removeAll(NOT_DESCRIBED);
    Set<String> operations = new TreeSet<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        if (METHODS.contains(method)) {
          operations.add(method.toUpperCase() + " " + path);
        }
      }
    }
    assertEquals(List.of(), minus(routes, operations),
        "routes of the router that src/main/resources/openapi/openapi.json does not describe");
    assertEquals(List.of(), minus(operations, routes),
        "operations of src/main/resources/openapi/openapi.json that the router does not have");
  }

  @Test
  @DisplayName("is an OpenAPI 3.1 contract that vertx-openapi accepts, every operation named and tagged")
  void isAValidContract() {
    assertEquals(OpenAPIVersion.V3_1, contract.getVersion());
    List<String> wrong = new ArrayList<>();
    Set<String> tags = new TreeSet<>();
    document.getJsonArray("tags").forEach(t -> tags.add(((JsonObject) t).getString("name")));
    for (Operation operation : contract.operations()) {
      JsonObject raw = operation.getOpenAPIModel();
      String name = operation.getOperationId() + " (" + operation.getHttpMethod() + " " + operation.getOpenAPIPath() + ")";
      if (raw.getString("summary") == null || raw.getString("description") == null) {
        wrong.add(name + ": needs a summary and a description saying who may call it");
      }
      if (operation.getTags().size() != 1 || !tags.contains(operation.getTags().get(0))) {
        wrong.add(name + ": needs one of the document's tags " + tags);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  @DisplayName("every example validates against its schema, and every request body has one")
  void examplesValidate() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Operation operation : contract.operations()) {
      if (operation.getRequestBody() == null) {
        continue;
      }
      for (Map.Entry<String, MediaType> media : operation.getRequestBody().getContent().entrySet()) {
        Map<String, Object> examples = examplesOf(media.getValue().getOpenAPIModel());
        if (examples.isEmpty()) {
          wrong.add(operation.getOperationId() + ": the request body has no example");
        }
        for (Map.Entry<String, Object> example : examples.entrySet()) {
          checked++;
          validate(media.getValue().getSchema(), example.getValue())
              .forEach(e -> wrong.add(operation.getOperationId() + " request example '" + example.getKey() + "': " + e));
        }
      }
    }
    Set<String> seen = new TreeSet<>();
    for (Operation operation : contract.operations()) {
      for (String status : operation.getOpenAPIModel().getJsonObject("responses").fieldNames()) {
        if (!status.matches("\\d{3}")) {
          continue;
        }
        io.vertx.openapi.contract.Response response = operation.getResponse(Integer.parseInt(status));
        for (Map.Entry<String, MediaType> media : response.getContent().entrySet()) {
          for (Map.Entry<String, Object> example : examplesOf(media.getValue().getOpenAPIModel()).entrySet()) {
            if (seen.add(status + " " + example.getValue())) {
              checked++;
              validate(media.getValue().getSchema(), example.getValue()).forEach(e -> wrong.add(
                  operation.getOperationId() + " " + status + " example '" + example.getKey() + "': " + e));
            }
          }
        }
      }
    }
    System.out.println("OpenAPI: " + checked + " examples validated");
    assertEquals(List.of(), wrong);
  }

  @Test
  @DisplayName("every operation lists the refusals its kind of route answers")
  void refusalsAreListed() {
    List<String> wrong = new ArrayList<>();
    for (Operation operation : contract.operations()) {
      JsonObject raw = operation.getOpenAPIModel();
      Set<String> statuses = document.getJsonObject("paths").getJsonObject(operation.getOpenAPIPath())
          .getJsonObject(operation.getHttpMethod().name().toLowerCase()).getJsonObject("responses").fieldNames();
      List<String> needed = new ArrayList<>();
      JsonArray security = raw.getJsonArray("security");
      if (security == null || !security.isEmpty()) {
        needed.addAll(List.of("401", "503"));
      }
      if (operation.getRequestBody() != null) {
        needed.addAll(List.of("400", "413"));
      }
      if (operation.getParameters().stream().anyMatch(p -> p.getIn().name().equals("PATH"))) {
        needed.add("404");
      }
      if (operation.getParameters().stream().anyMatch(p -> p.getIn().name().equals("QUERY"))) {
        needed.add("400");
      }
      needed.stream().filter(s -> !statuses.contains(s)).distinct()
          .forEach(s -> wrong.add(operation.getOperationId() + ": no " + s + " answer"));
    }
    assertEquals(List.of(), wrong);
  }

  /** The media type's {@code example} and each of its {@code examples}, by name. */
  private static Map<String, Object> examplesOf(JsonObject media) {
    Map<String, Object> found = new java.util.LinkedHashMap<>();
    if (media.containsKey("example")) {
      found.put("example", media.getValue("example"));
    }
    JsonObject named = media.getJsonObject("examples", new JsonObject());
    // The parsed contract's models also carry the resolver's own bookkeeping (strings such as __absolute_uri__).
    named.fieldNames().stream().filter(n -> named.getValue(n) instanceof JsonObject)
        .forEach(n -> found.put(n, named.getJsonObject(n).getValue("value")));
    return found;
  }

  private static List<String> validate(JsonSchema schema, Object value) {
    OutputUnit result = contract.getSchemaRepository().validator(schema).validate(value);
    return Boolean.TRUE.equals(result.getValid()) ? List.of() : ApiDocument.errors(result);
  }

  private static List<String> minus(Set<String> a, Set<String> b) {
    return a.stream().filter(x -> !b.contains(x)).toList();
  }
}
