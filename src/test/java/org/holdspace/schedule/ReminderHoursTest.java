package org.holdspace.schedule;

import io.vertx.core.json.JsonObject;
import org.holdspace.config.Config;
import org.holdspace.config.ConfigException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The reminderHours setting")
class ReminderHoursTest {
  @Test
  @DisplayName("is 24 by default and in the shipped file, takes fractions from the file and the environment")
  void values() {
    assertEquals(24, Config.from(new JsonObject(), Map.of()).reminderHours());
    assertEquals(24, Config.load(Path.of("config/holdspace.json"), Map.of()).reminderHours());
    assertEquals(1.5, Config.from(new JsonObject().put("reminderHours", 1.5), Map.of()).reminderHours());
    assertEquals(0.25, Config.from(new JsonObject().put("reminderHours", 2),
        Map.of("HOLDSPACE_REMINDER_HOURS", "0.25")).reminderHours(), "the environment wins");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("refuses what is not a number of hours between 0.01 and four weeks, naming the key and its variable")
  @ValueSource(strings = {"0", "-3", "673", "soon", "1,5"})
  void refused(String value) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Config.from(new JsonObject(), Map.of("HOLDSPACE_REMINDER_HOURS", value)));
    assertTrue(e.getMessage().contains("'reminderHours' (HOLDSPACE_REMINDER_HOURS)"), e.getMessage());
  }
}
