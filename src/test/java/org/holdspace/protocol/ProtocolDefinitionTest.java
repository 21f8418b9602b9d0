package org.holdspace.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.core.Refusal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Defining a protocol")
class ProtocolDefinitionTest {

  static JsonObject phase(String phase, int from, int to) {
    return new JsonObject().put("phase", phase).put("from", from).put("to", to);
  }

  /** A sound definition: 10 to 12 sessions, two initial, the last three ending. */
  static JsonObject sound() {
    return new JsonObject().put("id", "short-ipt").put("name", "Short group IPT").put("minSessions", 10)
        .put("maxSessions", 12).put("maxMembers", 8)
        .put("phases", new JsonArray().add(phase("initial", 1, 2)).add(phase("middle", 3, -4))
            .add(phase("termination", -3, -1)))
        .put("individualMeetings", new JsonArray().add("post_group").add("pre_group"))
        .put("enrolmentClosesAfter", 2).put("measureEvery", 3);
  }

  @Test
  @DisplayName("a sound definition gives its plan for every length it allows, meetings in plan order")
  void soundDefinition() {
    Protocol p = ProtocolDefinition.fromJson(sound(), false);
    assertEquals(new PhaseSplit(10, 2, 8), p.split(10));
    assertEquals(new PhaseSplit(12, 2, 10), p.split(12));
    assertEquals(List.of("pre_group", "post_group"), p.individualMeetings());
    assertEquals(2, p.enrolmentClosesAfter());
    assertEquals(3, p.measureEvery());
    assertEquals(sound().getJsonArray("phases"), p.toJson().getJsonArray("phases"));
  }

  @Test
  @DisplayName("optional fields default: 12 members, no meetings, enrolment never closes, questionnaires every 4")
  void defaults() {
    JsonObject body = sound();
    body.remove("maxMembers");
    body.remove("individualMeetings");
    body.remove("enrolmentClosesAfter");
    body.remove("measureEvery");
    Protocol p = ProtocolDefinition.fromJson(body, false);
    assertEquals(12, p.maxMembers());
    assertEquals(List.of(), p.individualMeetings());
    assertNull(p.enrolmentClosesAfter());
    assertEquals(4, p.measureEvery());
  }

  @ParameterizedTest(name = "{0} = {1} is refused naming {2}")
  @DisplayName("an unsound definition is refused with a 400 that names the field")
  @CsvSource(delimiter = '|', value = {
      "id | \"Short IPT\" | id",
      "id | \"x\" | id",
      "id | \"9ipt\" | id",
      "name | \"\" | name",
      "minSessions | 0 | minSessions",
      "maxSessions | 9 | maxSessions",
      "maxSessions | 53 | maxSessions",
      "maxMembers | 0 | maxMembers",
      "enrolmentClosesAfter | 11 | enrolmentClosesAfter",
      "measureEvery | 17 | measureEvery",
      "individualMeetings | [\"weekly\"] | individualMeetings[0]",
      "individualMeetings | [\"pre_group\",\"pre_group\"] | individualMeetings[1]",
      "phases | [] | phases",
      "phases | [{\"phase\":\"middle\",\"from\":1,\"to\":2},{\"phase\":\"initial\",\"from\":3,\"to\":-4},{\"phase\":\"termination\",\"from\":-3,\"to\":-1}] | phases[0].phase",
      "phases | [{\"phase\":\"initial\",\"from\":2,\"to\":2},{\"phase\":\"middle\",\"from\":3,\"to\":-4},{\"phase\":\"termination\",\"from\":-3,\"to\":-1}] | phases[0].from",
      "phases | [{\"phase\":\"initial\",\"from\":1,\"to\":2},{\"phase\":\"middle\",\"from\":4,\"to\":-4},{\"phase\":\"termination\",\"from\":-3,\"to\":-1}] | phases[1].from",
      "phases | [{\"phase\":\"initial\",\"from\":1,\"to\":2},{\"phase\":\"middle\",\"from\":3,\"to\":-4},{\"phase\":\"termination\",\"from\":-3,\"to\":-2}] | phases[2].to",
      "phases | [{\"phase\":\"initial\",\"from\":1,\"to\":2},{\"phase\":\"middle\",\"from\":3,\"to\":9},{\"phase\":\"termination\",\"from\":11,\"to\":-1}] | phases[2].from",
      "phases | [{\"phase\":\"initial\",\"from\":1,\"to\":8},{\"phase\":\"middle\",\"from\":9,\"to\":-3},{\"phase\":\"termination\",\"from\":-2,\"to\":-1}] | phases[1].to",
      "phases | [{\"phase\":\"initial\",\"from\":1,\"to\":0},{\"phase\":\"middle\",\"from\":1,\"to\":-3},{\"phase\":\"termination\",\"from\":-2,\"to\":-1}] | phases[0].to",
      "phases | [{\"phase\":\"initial\",\"from\":1,\"to\":2},{\"phase\":\"middle\",\"from\":3,\"to\":-4}] | phases",
  })
  void refused(String field, String json, String named) {
    JsonObject body = sound();
    body.put(field, new JsonObject("{\"v\":" + json + "}").getValue("v"));
    Refusal e = assertThrows(Refusal.class, () -> ProtocolDefinition.fromJson(body, false));
    assertEquals(Refusal.Code.INVALID, e.code());
    assertTrue(e.getMessage().startsWith(named + ":"), e.getMessage());
  }
}
