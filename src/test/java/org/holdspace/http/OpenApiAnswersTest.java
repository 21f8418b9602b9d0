package org.holdspace.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServer.Account;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The document against what the server really sends: a course walked through over HTTP, every answer (successes and
 * a few refusals) validated against the response schema of the operation the document gives for that path. A
 * schema that drifts from the handlers fails here, naming the operation, the status and the field.
 */
@DisplayName("OpenAPI document against the server's real answers")
@ExtendWith(TestServerExtension.class)
class OpenApiAnswersTest {
  private static TestServer server;
  private static OpenAPIContract contract;
  private static ResponseValidator validator;

  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Spec", "Ana", "Ben").started().open(server);

  private final List<String> wrong = new ArrayList<>();
  private final Set<String> exercised = new TreeSet<>();

  @BeforeAll
  static void parse() {
    contract = ApiDocument.contract(server);
    validator = ResponseValidator.create(server.clientVertx(), contract);
  }

  @Test
  @DisplayName("a whole course over HTTP answers as the document says, call by call")
  void courseAnswersMatchTheDocument() {
    Account f = group.facilitator();
    Account ana = group.member(0);
    Account ben = group.member(1);
    String admin = server.adminToken();
    String g = "/api/groups/" + group.id();
    String anaPath = g + "/members/" + ana.id();

    call(HttpMethod.GET, "/health", null, null, 200);
    call(HttpMethod.GET, "/metrics", null, null, 401);
    call(HttpMethod.GET, "/api/openapi.json", null, null, 200);
    call(HttpMethod.POST, "/api/auth/login", null, json("{'username':'" + ana.username() + "','password':'"
        + TestServer.PASSWORD + "'}"), 200);
    call(HttpMethod.POST, "/api/auth/login", null, json("{'username':'nobody-here','password':'wrong'}"), 401);
    call(HttpMethod.POST, "/api/auth/refresh", ana.token(), null, 200);
    JsonObject cleo = call(HttpMethod.POST, "/api/users", admin, json("{'username':'cleo-" + group.id()
        + "','password':'long-enough-password','displayName':'Cleo','role':'member'}"), 201);
    call(HttpMethod.POST, "/api/users", ana.token(), json("{'username':'x-" + group.id()
        + "','password':'long-enough-password','displayName':'X','role':'member'}"), 403);
    call(HttpMethod.GET, "/api/groups", f.token(), null, 200);
    call(HttpMethod.POST, "/api/groups", f.token(), json("{'name':'Spring group','protocol':'dit','sessionCount':16,"
        + "'firstSessionAt':'2026-03-02T17:00:00Z','durationMinutes':60,'retentionDays':30}"), 201);
    call(HttpMethod.POST, "/api/groups", f.token(), json("{'name':'Too short','protocol':'ipt','sessionCount':3}"), 400);
    call(HttpMethod.GET, g, f.token(), null, 200);
    call(HttpMethod.GET, g, ana.token(), null, 200);
    call(HttpMethod.GET, g, null, null, 401);
    call(HttpMethod.GET, "/api/groups/999999999", f.token(), null, 404);
    call(HttpMethod.POST, g + "/members", f.token(), json("{'userId':" + cleo.getLong("id") + "}"), 201);
    call(HttpMethod.POST, g + "/members", f.token(), json("{'userId':" + cleo.getLong("id") + "}"), 409);
    call(HttpMethod.PUT, g + "/retention", f.token(), json("{'retentionDays':null}"), 200);
    call(HttpMethod.PUT, g + "/retention", f.token(), json("{'retentionDays':90}"), 200);

    ChatClient room = group.joined(ana);
    room.say(group.id(), "I have been thinking about my sister", null).await();
    room.say(group.id(), "sometimes I want to kill myself", null).await();
    call(HttpMethod.GET, g + "/events?after=0&limit=50", ana.token(), null, 200);
    call(HttpMethod.POST, anaPath + "/measures", ana.token(), json("{'instrument':'phq9',"
        + "'answers':[2,2,1,2,1,1,1,0,1]}"), 201);
    call(HttpMethod.POST, anaPath + "/measures", f.token(), json("{'instrument':'gad7','answers':[1,1,1,0,0,1,2],"
        + "'session':1}"), 201);
    call(HttpMethod.POST, anaPath + "/measures", ana.token(), json("{'instrument':'phq9','answers':[1,2]}"), 400);
    call(HttpMethod.GET, anaPath + "/measures", ana.token(), null, 200);
    call(HttpMethod.GET, g + "/alerts", f.token(), null, 200);
    call(HttpMethod.GET, g + "/alerts", ana.token(), null, 403);
    call(HttpMethod.GET, "/api/instruments", ana.token(), null, 200);
    call(HttpMethod.POST, anaPath + "/measures", ana.token(), json("{'instrument':'wsas','answers':[3,2,4,1,0]}"), 201);
    call(HttpMethod.POST, anaPath + "/measures", ana.token(), json("{'instrument':'cssrs_screen',"
        + "'answers':[1,0,0,0,0,1],'q6Recent':false}"), 201);
    call(HttpMethod.POST, anaPath + "/measures", ana.token(), json("{'instrument':'phq9',"
        + "'answers':[1,1,1,1,1,1,0,0,0],'difficulty':1}"), 201);
    call(HttpMethod.GET, anaPath + "/outcomes", ana.token(), null, 200);
    call(HttpMethod.GET, anaPath + "/outcomes", f.token(), null, 200);
    call(HttpMethod.GET, g + "/alerts?status=open", f.token(), null, 200);
    call(HttpMethod.GET, g + "/alerts?status=closed", f.token(), null, 400);
    call(HttpMethod.GET, "/api/crisis-resources", ana.token(), null, 200);
    long help = call(HttpMethod.POST, g + "/help", ana.token(), null, 201).getJsonObject("alert").getLong("id");
    call(HttpMethod.POST, g + "/help", f.token(), null, 403);
    call(HttpMethod.POST, g + "/alerts/" + help + "/acknowledge", ana.token(), null, 403);
    call(HttpMethod.POST, g + "/alerts/" + help + "/acknowledge", f.token(), null, 200);
    call(HttpMethod.POST, g + "/alerts/" + help + "/acknowledge", f.token(), null, 200);
    call(HttpMethod.POST, g + "/alerts/999999999/acknowledge", f.token(), null, 404);
    call(HttpMethod.POST, g + "/alerts/" + help + "/resolve", f.token(), json("{'outcome':'maybe'}"), 400);
    call(HttpMethod.POST, g + "/alerts/" + help + "/resolve", f.token(),
        json("{'outcome':'safety_plan','note':'went through her plan together'}"), 200);
    call(HttpMethod.POST, g + "/alerts/" + help + "/resolve", f.token(), json("{'outcome':'other'}"), 409);
    call(HttpMethod.GET, g + "/alerts?status=resolved", f.token(), null, 200);
    call(HttpMethod.GET, anaPath + "/safety-plan", ana.token(), null, 200);
    call(HttpMethod.PUT, anaPath + "/safety-plan", ana.token(), json("{'warningSigns':['not sleeping'],"
        + "'copingStrategies':['a long walk',' '],'peopleToAsk':['my sister'],'professionals':null}"), 200);
    call(HttpMethod.PUT, anaPath + "/safety-plan", ana.token(), json("{'reasons':['x']}"), 400);
    call(HttpMethod.GET, anaPath + "/safety-plan", f.token(), null, 200);

    JsonObject inventory = call(HttpMethod.PUT, anaPath + "/inventory", ana.token(), json("{'relationships':["
        + "{'label':'my sister','kind':'family','closeness':2,'satisfaction':2,'area':'role_dispute',"
        + "'works':'weekly calls','doesNotWork':'arguing','notes':'older'},"
        + "{'label':'Sam','kind':'friend','closeness':4,'satisfaction':4}]}"), 200);
    long sister = inventory.getJsonArray("relationships").getJsonObject(0).getLong("id");
    call(HttpMethod.GET, anaPath + "/inventory", f.token(), null, 200);
    call(HttpMethod.POST, anaPath + "/report-cards", ana.token(), json("{'session':1,'ratings':"
        + "[{'relationshipId':" + sister + ",'closeness':3,'satisfaction':3}]}"), 201);
    call(HttpMethod.POST, anaPath + "/report-cards", ana.token(), json("{'session':1,'ratings':"
        + "[{'relationshipId':" + sister + ",'closeness':3,'satisfaction':3}]}"), 409);
    call(HttpMethod.GET, anaPath + "/report-cards", ana.token(), null, 200);
    JsonObject focus = call(HttpMethod.PUT, anaPath + "/focus", f.token(), json("{'area':'role_dispute',"
        + "'secondaryArea':'grief','goals':['talk with my sister without shouting',{'text':'see Sam monthly'}]}"), 200);
    call(HttpMethod.PUT, g + "/members/" + ben.id() + "/focus", f.token(), json("{'area':'grief','goal':'visit'}"), 200);
    call(HttpMethod.GET, anaPath + "/focus", ana.token(), null, 200);
    call(HttpMethod.POST, anaPath + "/goals/ratings", ana.token(), json("{'ratings':[{'goalId':"
        + focus.getJsonArray("goals").getJsonObject(0).getLong("id") + ",'rating':4}]}"), 201);
    JsonObject homework = call(HttpMethod.POST, anaPath + "/homework", f.token(),
        json("{'text':'ask my sister for coffee','dueSession':2}"), 201);
    call(HttpMethod.GET, anaPath + "/homework", ana.token(), null, 200);
    call(HttpMethod.POST, anaPath + "/homework/" + homework.getLong("id") + "/done", ana.token(), null, 200);
    call(HttpMethod.POST, anaPath + "/homework/" + homework.getLong("id") + "/done", ana.token(),
        json("{'note':'we had coffee'}"), 200);
    call(HttpMethod.GET, g + "/homework/due?session=2", f.token(), null, 200);
    call(HttpMethod.GET, anaPath + "/meetings", ana.token(), null, 200);
    call(HttpMethod.PUT, anaPath + "/meetings/pre_group", f.token(), json("{'held':true}"), 200);
    call(HttpMethod.PUT, anaPath + "/meetings/mid_course", f.token(),
        json("{'scheduledAt':'2026-05-04T10:00:00Z'}"), 200);
    call(HttpMethod.GET, g + "/clinical", ana.token(), null, 200);
    call(HttpMethod.PUT, g + "/clinical", f.token(), json("{'measureEvery':3,'gad7':true}"), 200);
    call(HttpMethod.GET, anaPath + "/review", ana.token(), null, 409);

    call(HttpMethod.POST, g + "/sessions/current/end", f.token(), null, 200);
    call(HttpMethod.POST, g + "/sessions/current/end", f.token(), null, 409);
    call(HttpMethod.GET, g + "/attendance", f.token(), null, 200);
    call(HttpMethod.POST, g + "/sessions/current/start", f.token(), null, 200);
    call(HttpMethod.POST, g + "/sessions/current/start", f.token(), null, 200);
    call(HttpMethod.GET, g + "/dashboard", f.token(), null, 200);
    call(HttpMethod.POST, g + "/phase", f.token(), json("{'phase':'middle','overrideReason':'Cleo joins late'}"), 200);
    call(HttpMethod.POST, g + "/phase", f.token(), json("{'phase':'middle'}"), 409);
    call(HttpMethod.POST, g + "/phase", f.token(), json("{'phase':'termination','overrideReason':'the course ends early'}"), 200);
    call(HttpMethod.PUT, anaPath + "/relapse-plan", ana.token(), json("{'warningSigns':'sleeping badly',"
        + "'strategies':'call Sam','supports':'the group'}"), 200);
    call(HttpMethod.GET, anaPath + "/review", ana.token(), null, 200);
    call(HttpMethod.GET, g + "/dashboard", f.token(), null, 200);
    call(HttpMethod.GET, "/api/audit?groupId=" + group.id() + "&limit=20", admin, null, 200);

    String note = g + "/sessions/1/notes/" + ana.id();
    call(HttpMethod.GET, note + "/draft", f.token(), null, 200);
    call(HttpMethod.GET, note + "/draft", ana.token(), null, 403);
    call(HttpMethod.GET, note, f.token(), null, 404);
    call(HttpMethod.GET, g + "/sessions/999/notes/" + ana.id(), f.token(), null, 404);
    call(HttpMethod.PUT, note, f.token(), json("{'text':'Session 1: attended. Talked about her sister.'}"), 200);
    call(HttpMethod.PUT, note, f.token(), json("{'text':''}"), 400);
    call(HttpMethod.POST, note + "/addenda", f.token(), json("{'text':'too early'}"), 409);
    call(HttpMethod.POST, note + "/sign", f.token(), null, 200);
    call(HttpMethod.POST, note + "/sign", f.token(), null, 409);
    call(HttpMethod.PUT, note, f.token(), json("{'text':'changed after signing'}"), 409);
    call(HttpMethod.POST, note + "/addenda", f.token(), json("{'text':'Her GP confirmed the referral.'}"), 201);
    call(HttpMethod.GET, note, f.token(), null, 200);
    call(HttpMethod.PUT, g + "/sessions/1/summary", f.token(), json("{'text':'We talked about roles at home.'}"), 200);
    call(HttpMethod.PUT, g + "/sessions/1/summary", ana.token(), json("{'text':'mine'}"), 403);
    call(HttpMethod.GET, g + "/sessions/1/summary", ana.token(), null, 200);
    call(HttpMethod.GET, g + "/sessions/2/summary", ana.token(), null, 404);
    call(HttpMethod.GET, "/api/me/export", ana.token(), null, 200);
    call(HttpMethod.GET, "/api/me/export", null, null, 401);
    HttpResponse<Buffer> fhir = server.call(HttpMethod.GET, anaPath + "/fhir", f.token(), null);
    assertEquals(200, fhir.statusCode(), fhir.bodyAsString());
    assertEquals("application/fhir+json", fhir.getHeader("content-type").split(";")[0].strip());
    assertEquals("Bundle", fhir.bodyAsJsonObject().getString("resourceType"));
    call(HttpMethod.GET, g + "/members/" + ana.id() + "/fhir", ben.token(), null, 403);
    JsonObject dana = call(HttpMethod.POST, "/api/users", admin, json("{'username':'dana-" + group.id()
        + "','password':'long-enough-password','displayName':'Dana','role':'member',"
        + "'email':'dana-" + group.id() + "@example.org'}"), 201);
    call(HttpMethod.POST, "/api/users/" + dana.getLong("id") + "/erase", ana.token(), json("{'reason':'asked'}"), 403);
    call(HttpMethod.POST, "/api/users/" + dana.getLong("id") + "/erase", admin, json("{}"), 400);
    call(HttpMethod.POST, "/api/users/" + dana.getLong("id") + "/erase", admin,
        json("{'reason':'the member asked by e-mail'}"), 204);
    call(HttpMethod.POST, "/api/users/999999999/erase", admin, json("{'reason':'asked'}"), 404);

    Set<String> missed = new TreeSet<>();
    contract.operations().forEach(op -> missed.add(op.getOperationId()));
    missed.removeAll(exercised);
    System.out.println("OpenAPI answers: operations not exercised here: " + missed);
    assertEquals(List.of(), wrong, "answers that do not match the document");
  }

  /**
   * Sends the call, checks the status, and validates the answer against the operation the document gives for this
   * method and path; answers the body as JSON when it is an object.
   */
  private JsonObject call(HttpMethod method, String path, String token, JsonObject body, int status) {
    HttpResponse<Buffer> response = server.call(method, path, token, body);
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Operation operation = contract.findOperation(bare, method);
    String label = method + " " + path + " → " + response.statusCode();
    if (Boolean.getBoolean("openapi.dump")) {
      System.out.println(label + " " + response.bodyAsString());
    }
    String type = response.getHeader("content-type");
    JsonObject parsed = type != null && type.startsWith("application/json") && response.bodyAsString().startsWith("{")
        ? response.bodyAsJsonObject() : new JsonObject();
    if (operation == null) {
      wrong.add(label + ": the document has no operation for this path");
      return parsed;
    }
    String name = operation.getOperationId();
    exercised.add(name);
    if (response.statusCode() != status) {
      wrong.add(name + " (" + label + "): expected " + status + ": " + response.bodyAsString());
      return parsed;
    }
    // The document names bare media types; parameters such as charset say nothing about the shape.
    String media = type == null ? null : type.split(";")[0].strip();
    ValidatableResponse answer = response.body() == null
        ? ValidatableResponse.create(status, Map.of())
        : ValidatableResponse.create(status, Map.of("content-type", media), response.body(), media);
    try {
      validator.validate(answer, name).await();
    } catch (RuntimeException e) {
      wrong.add(name + " " + status + ": " + ApiDocument.describe(e));
    }
    return parsed;
  }

  /** JSON written with single quotes, for readability here. */
  private static JsonObject json(String singleQuoted) {
    return new JsonObject(singleQuoted.replace('\'', '"'));
  }
}
