package org.holdspace.alert;

import io.vertx.core.json.JsonObject;
import org.holdspace.grouplog.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each stored member message, and each private message in either direction, for risk phrases and raises a
 * {@code risk_phrase} alert to the facilitators; the member is neither blocked nor told.
 */
public final class RiskScreen implements MessageLog.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(RiskScreen.class);

  private final Alerts alerts;
  private final RiskPhrases phrases;

  public RiskScreen(Alerts alerts, RiskPhrases phrases) {
    this.alerts = alerts;
    this.phrases = phrases;
  }

  @Override
  public void stored(MessageLog.Message m, long seq) {
    if (!m.facilitator() && phrases.matches(m.text())) {
      alerts.raise(m.groupId(), m.user().id(), "risk_phrase", new JsonObject().put("seq", seq))
          .onFailure(e -> LOG.error("Could not raise a risk alert in group {}: {}", m.groupId(), e.getMessage()));
    }
  }

  /**
   * A private message between the facilitators and {@code memberId} was stored (written by either side): the alert
   * is about the member, {@code ref: {whisperId}}.
   */
  public void whisper(long groupId, long memberId, long whisperId, String text) {
    if (phrases.matches(text)) {
      alerts.raise(groupId, memberId, "risk_phrase", new JsonObject().put("whisperId", whisperId))
          .onFailure(e -> LOG.error("Could not raise a risk alert in group {}: {}", groupId, e.getMessage()));
    }
  }
}
