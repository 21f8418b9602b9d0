package org.holdspace.clinical;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.util.List;

/**
 * A member's outcome flags ({@link Outcomes}) from their PHQ-9 and GAD-7, for the member and the group's
 * facilitators, and the group's totals of them for the dashboard.
 */
public final class OutcomeService {
  private static final List<String> COUNTED = List.of("recovery", "reliableRecovery", "reliableImprovement",
      "reliableDeterioration", "response", "remission");

  private final Pool pool;
  private final ClinicalAccess access;
  private final MeasureStore measures;

  public OutcomeService(Pool pool, ClinicalAccess access, MeasureStore measures) {
    this.pool = pool;
    this.access = access;
    this.measures = measures;
  }

  public Future<JsonObject> get(ClinicalAccess.Target target) {
    return access.read(target, "outcomes.read", s -> measures.ofMember(pool, s.groupId(), s.memberId()))
        .map(list -> toJson(target.memberId(), flags(list, target.memberId())));
  }

  /** The flags of one member's questionnaires (others in the list are ignored). */
  static Outcomes.Flags flags(List<MeasureStore.Measure> measures, long userId) {
    return Outcomes.of(pair(measures, userId, Instrument.PHQ9), pair(measures, userId, Instrument.GAD7));
  }

  private static Outcomes.Pair pair(List<MeasureStore.Measure> measures, long userId, Instrument instrument) {
    return Outcomes.Pair.of(measures.stream()
        .filter(m -> m.userId() == userId && m.instrument().equals(instrument.wire()))
        .map(MeasureStore.Measure::total).toList());
  }

  /** The contract's shape: {@code {userId, phq9, gad7, caseness, reliableImprovement, …}}. */
  static JsonObject toJson(long userId, Outcomes.Flags f) {
    return new JsonObject()
        .put("userId", userId)
        .put("phq9", pair(f.phq9()))
        .put("gad7", pair(f.gad7()))
        .put("caseness", new JsonObject().put("baseline", f.casenessBaseline()).put("latest", f.casenessLatest()))
        .put("reliableImprovement", f.reliableImprovement())
        .put("reliableDeterioration", f.reliableDeterioration())
        .put("recovery", f.recovery())
        .put("reliableRecovery", f.reliableRecovery())
        .put("response", f.response())
        .put("remission", f.remission());
  }

  /** How many of the members' flags are true, by flag, and how many members there are. */
  static JsonObject totals(List<JsonObject> memberFlags) {
    JsonObject totals = new JsonObject().put("members", memberFlags.size());
    for (String flag : COUNTED) {
      totals.put(flag, memberFlags.stream().filter(f -> Boolean.TRUE.equals(f.getBoolean(flag))).count());
    }
    return totals;
  }

  private static JsonObject pair(Outcomes.Pair p) {
    return new JsonObject().put("baseline", p.baseline()).put("latest", p.latest()).put("change", p.change());
  }
}
