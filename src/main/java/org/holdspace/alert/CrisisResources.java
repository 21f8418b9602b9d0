package org.holdspace.alert;

import org.holdspace.config.CrisisResource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.holdspace.config.Config;

import java.util.List;

/** The deployment's crisis resources as clients get them: {@code [{name, phone?, url?, text?}]}. */
final class CrisisResources {
  private CrisisResources() {
  }

  static JsonArray json(List<CrisisResource> resources) {
    JsonArray list = new JsonArray();
    for (CrisisResource r : resources) {
      JsonObject item = new JsonObject().put("name", r.name());
      r.phone().ifPresent(v -> item.put("phone", v));
      r.url().ifPresent(v -> item.put("url", v));
      r.text().ifPresent(v -> item.put("text", v));
      list.add(item);
    }
    return list;
  }
}
