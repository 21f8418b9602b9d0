package org.holdspace.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A course template, as data: how many sessions and members it takes, which sessions each phase spans, the individual
 * meetings around the group sessions, after which session enrolment closes (null: never) and how often questionnaires
 * are due by default. Built-ins come from {@code protocols/protocols.json}, others are defined by an admin; both are
 * checked by {@link ProtocolDefinition}.
 */
public record Protocol(String id, String name, String description, int minSessions, int maxSessions, int maxMembers,
                       List<PhaseSpan> phases, List<String> individualMeetings, Integer enrolmentClosesAfter,
                       int measureEvery, boolean builtIn) {

  public Protocol {
    phases = List.copyOf(phases);
    individualMeetings = List.copyOf(individualMeetings);
  }

  /** The phases resolved for a course of {@code sessionCount} sessions (one the protocol allows). */
  public PhaseSplit split(int sessionCount) {
    return new PhaseSplit(sessionCount, phases.get(0).lastIn(sessionCount), phases.get(2).firstIn(sessionCount));
  }

  /** The phase of session {@code number} (1-based) in a course of {@code sessionCount} sessions. */
  public Phase phaseOf(int number, int sessionCount) {
    return split(sessionCount).phaseOf(number);
  }

  public boolean allows(int sessionCount) {
    return sessionCount >= minSessions && sessionCount <= maxSessions;
  }

  /** Why a course of this length is refused, naming the field. */
  public String lengthRule() {
    return "sessionCount: " + id + " takes " + (minSessions == maxSessions ? Integer.toString(minSessions)
        : minSessions + " to " + maxSessions) + " sessions";
  }

  /** Whether enrolling a member is closed once the group's current session is {@code currentSession}. */
  public boolean enrolmentClosed(int currentSession) {
    return enrolmentClosesAfter != null && currentSession >= enrolmentClosesAfter;
  }

  /** The answer of {@code GET /api/protocols} for this protocol (also the body that defines it, plus builtIn). */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("description", description)
        .put("minSessions", minSessions)
        .put("maxSessions", maxSessions)
        .put("maxMembers", maxMembers)
        .put("phases", new JsonArray(phases.stream().map(PhaseSpan::toJson).toList()))
        .put("individualMeetings", new JsonArray(individualMeetings))
        .put("enrolmentClosesAfter", enrolmentClosesAfter)
        .put("measureEvery", measureEvery)
        .put("builtIn", builtIn);
  }
}
