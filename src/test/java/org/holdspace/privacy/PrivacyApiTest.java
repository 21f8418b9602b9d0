package org.holdspace.privacy;

import ca.uhn.fhir.context.FhirContext;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.holdspace.support.ChatClient;
import org.holdspace.support.LiveGroup;
import org.holdspace.support.TestServer;
import org.holdspace.support.TestServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.holdspace.support.TestServer.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Export, FHIR and erasure on request")
@ExtendWith(TestServerExtension.class)
class PrivacyApiTest {
  private static TestServer server;

  @RegisterExtension
  final LiveGroup group = LiveGroup.of("Dr. Ives", "Ana", "Ben").started().open(server);

  private String member(String suffix) {
    return "/api/groups/" + group.id() + "/members/" + group.member(0).id() + suffix;
  }

  private void questionnaires() {
    String token = group.member(0).token();
    expect(server.post(member("/measures"), token, new JsonObject().put("instrument", "phq9")
        .put("answers", new JsonArray(List.of(2, 2, 1, 1, 1, 1, 1, 1, 0)))), 201);
    expect(server.post(member("/measures"), token, new JsonObject().put("instrument", "gad7")
        .put("answers", new JsonArray(List.of(1, 1, 1, 1, 0, 0, 0)))), 201);
    expect(server.post(member("/measures"), token, new JsonObject().put("instrument", "wsas")
        .put("answers", new JsonArray(List.of(4, 4, 2, 2, 0)))), 201);
  }

  @Test
  @DisplayName("GET /api/me/export answers the account's own data, its messages included")
  void export() {
    questionnaires();
    ChatClient a = group.joined(group.member(0));
    a.say(group.id(), "my own words", null).await();
    JsonObject export = expect(server.get("/api/me/export", group.member(0).token()), 200);
    assertEquals(group.member(0).id(), export.getJsonObject("account").getLong("id"));
    assertEquals(3, export.getJsonArray("questionnaires").size());
    assertEquals("my own words", export.getJsonArray("messages").getJsonObject(0).getString("text"));
    assertEquals(1, export.getJsonArray("memberships").size());
    assertEquals(0, expect(server.get("/api/me/export", group.member(1).token()), 200)
        .getJsonArray("questionnaires").size(), "another account sees only its own");
    assertEquals(401, server.get("/api/me/export", null).statusCode());
  }

  @Test
  @DisplayName("the FHIR export is an R4 Bundle HAPI parses: a nameless Patient and LOINC-coded Observations")
  void fhir() {
    questionnaires();
    assertEquals(403, server.get(member("/fhir"), group.member(1).token()).statusCode(), "another member");
    HttpResponse<Buffer> response = server.get(member("/fhir"), group.facilitator().token());
    assertEquals(200, response.statusCode(), response::bodyAsString);
    assertTrue(response.getHeader("content-type").startsWith("application/fhir+json"));
    assertEquals(200, server.get(member("/fhir"), group.member(0).token()).statusCode(), "the member themself");
    Bundle bundle = FhirContext.forR4().newJsonParser().parseResource(Bundle.class, response.bodyAsString());
    assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
    List<Patient> patients = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Patient.class::isInstance).map(Patient.class::cast).toList();
    assertEquals(1, patients.size());
    assertTrue(patients.get(0).getName().isEmpty(), "no name");
    assertEquals(Long.toString(group.member(0).id()), patients.get(0).getIdentifierFirstRep().getValue());
    List<Observation> observations = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Observation.class::isInstance).map(Observation.class::cast).toList();
    assertEquals(3, observations.size());
    Observation phq = observations.get(0);
    assertTrue(phq.getCode().getCoding().stream().anyMatch(c -> c.getSystem().equals("http://loinc.org")
        && c.getCode().equals("44261-6")));
    assertEquals(10, phq.getValueQuantity().getValue().intValue());
    assertNotNull(phq.getEffectiveDateTimeType().getValue());
    assertEquals("Patient/" + group.member(0).id(), phq.getSubject().getReference());
    assertEquals(9, phq.getComponent().size());
    assertTrue(phq.getComponent().get(8).getCode().getCoding().stream().anyMatch(c -> c.getCode().equals("44260-8")));
    assertTrue(observations.get(1).getCode().getCoding().stream().anyMatch(c -> c.getCode().equals("70274-6")));
    assertTrue(observations.get(2).getCode().getCoding().stream().noneMatch(c -> c.getSystem().equals("http://loinc.org")),
        "WSAS has no LOINC code here");
    assertFalse(response.bodyAsString().contains("Ana"), "no name anywhere");
  }

  @Test
  @DisplayName("erasure: 204, sign-in refused, clinical data gone, messages kept as Former member without text")
  void erase() {
    TestServer.Account ana = group.member(0);
    questionnaires();
    expect(server.put(member("/focus"), group.facilitator().token(), new JsonObject().put("area", "grief")
        .put("goal", "visit the grave")), 200);
    ChatClient a = group.joined(ana);
    long seq = a.say(group.id(), "something personal", null).await();
    a.close();
    String notes = "/api/groups/" + group.id() + "/sessions/1/notes/" + ana.id();
    String f = group.facilitator().token();
    expect(server.put(notes, f, new JsonObject().put("text", "signed record")), 200);
    expect(server.post(notes + "/sign", f, null), 200);
    String draft = "/api/groups/" + group.id() + "/sessions/2/notes/" + ana.id();
    expect(server.put(draft, f, new JsonObject().put("text", "unsigned draft")), 200);

    String path = "/api/users/" + ana.id() + "/erase";
    JsonObject body = new JsonObject().put("reason", "asked in writing");
    assertEquals(403, server.post(path, f, body).statusCode(), "facilitators may not");
    assertEquals(403, server.post(path, ana.token(), body).statusCode());
    assertEquals(400, server.post(path, server.adminToken(), new JsonObject()).statusCode(), "a reason is needed");
    assertEquals(404, server.post("/api/users/999999/erase", server.adminToken(), body).statusCode());
    assertEquals(204, server.post(path, server.adminToken(), body).statusCode());

    assertEquals(401, server.post("/api/auth/login", null, new JsonObject().put("username", ana.username())
        .put("password", TestServer.PASSWORD)).statusCode(), "an erased account cannot sign in");
    assertEquals(0, server.get(member("/measures"), f).bodyAsJsonArray().size(), "questionnaires deleted");
    assertEquals(null, expect(server.get(member("/focus"), f), 200).getString("area"), "focus deleted");
    JsonArray events = expect(server.get("/api/groups/" + group.id() + "/events", f), 200).getJsonArray("events");
    JsonObject message = events.stream().map(JsonObject.class::cast).filter(e -> e.getLong("seq") == seq)
        .findFirst().orElseThrow();
    assertEquals(new JsonObject().put("id", ana.id()).put("displayName", "Former member"), message.getJsonObject("from"));
    assertFalse(message.containsKey("text"), message.encode());
    assertEquals("signed record", expect(server.get(notes, f), 200).getString("text"), "signed notes are kept");
    assertEquals(404, server.get(draft, f).statusCode(), "unsigned drafts go");
  }
}
