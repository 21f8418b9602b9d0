package org.holdspace.config;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the keys of the safety follow-up: escalation, crisis resources, on-call address and the SMTP server. */
final class SafetySettings {
  static final Set<String> KEYS = Set.of("alertEscalationMinutes", "crisisResources", "oncallEmail", "smtpHost",
      "smtpPort", "smtpFrom", "smtpUsername", "smtpPassword", "smtpStartTls", "publicUrl");

  /** Shown to a member who asks for help when the deployment lists no resources of its own. */
  static final List<CrisisResource> DEFAULT_RESOURCES = List.of(new CrisisResource(
      "Emergency services", Optional.empty(), Optional.empty(),
      Optional.of("If you are in danger or might act on thoughts of harming yourself, call your local emergency "
          + "number now (112 in Europe, 911 in North America, 999 in the UK), or go to the nearest emergency "
          + "department. Your facilitator has been told that you asked for help.")));

  private static final int MAX_RESOURCES = 20;
  private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]{1,255}";

  private SafetySettings() {
  }

  static Safety safety(Settings s) {
    double minutes = s.decimal("alertEscalationMinutes", 5, 0.001, 7 * 24 * 60);
    Optional<String> oncall = s.optionalString("oncallEmail");
    oncall.ifPresent(address -> email(s, "oncallEmail", address));
    String publicUrl = s.string("publicUrl", "").replaceAll("/+$", "");
    if (!publicUrl.isEmpty() && !publicUrl.matches("https?://[^\\s/]+(/\\S*)?")) {
      throw s.invalid("publicUrl", "must be an http(s) address such as https://holdspace.example.org");
    }
    return new Safety(minutes, resources(s), oncall, publicUrl);
  }

  static Optional<Smtp> smtp(Settings s) {
    Optional<String> host = s.optionalString("smtpHost");
    int port = s.integer("smtpPort", 25, 1, 65535);
    Optional<String> from = s.optionalString("smtpFrom");
    Optional<String> username = s.optionalString("smtpUsername");
    Optional<String> password = s.optionalString("smtpPassword");
    boolean startTls = s.bool("smtpStartTls", false);
    if (host.isEmpty()) {
      return Optional.empty();
    }
    if (from.isEmpty()) {
      throw s.invalid("smtpFrom", "is needed when smtpHost (" + Settings.envName("smtpHost")
          + ") is set: the sender address of the e-mails");
    }
    email(s, "smtpFrom", from.get());
    if (username.isPresent() != password.isPresent()) {
      throw s.invalid("smtpUsername", "and smtpPassword must be set together");
    }
    return Optional.of(new Smtp(host.get(), port, from.get(), username, password, startTls));
  }

  private static void email(Settings s, String key, String address) {
    if (!address.matches(EMAIL)) {
      throw s.invalid(key, "must be an e-mail address, got '" + address + "'");
    }
  }

  private static List<CrisisResource> resources(Settings s) {
    List<JsonObject> raw = s.objects("crisisResources");
    if (raw.isEmpty()) {
      return DEFAULT_RESOURCES;
    }
    if (raw.size() > MAX_RESOURCES) {
      throw s.invalid("crisisResources", "may list at most " + MAX_RESOURCES + " resources");
    }
    List<CrisisResource> list = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      JsonObject o = raw.get(i);
      String at = "crisisResources";
      Object name = o.getValue("name");
      if (!(name instanceof String n) || n.isBlank() || n.length() > 200) {
        throw s.invalid(at, "[" + i + "].name: required, 1 to 200 characters");
      }
      for (String field : o.fieldNames()) {
        if (!Set.of("name", "phone", "url", "text").contains(field)) {
          throw s.invalid(at, "[" + i + "]." + field + ": unknown field (name, phone, url, text)");
        }
        if (!(o.getValue(field) instanceof String v) || v.length() > 1000) {
          throw s.invalid(at, "[" + i + "]." + field + ": must be a string of at most 1000 characters");
        }
      }
      String url = o.getString("url");
      if (url != null && !url.matches("(https?:|tel:)\\S+")) {
        throw s.invalid(at, "[" + i + "].url: must start with https:, http: or tel:");
      }
      list.add(new CrisisResource(n(o, "name").orElseThrow(), n(o, "phone"), n(o, "url"), n(o, "text")));
    }
    return List.copyOf(list);
  }

  private static Optional<String> n(JsonObject o, String field) {
    String v = o.getString(field);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }
}
