package org.holdspace.auth;

import org.holdspace.core.Refusal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New passwords after NIST SP 800-63B: length, the common-password list and the username; nothing else. */
@DisplayName("Password policy")
class PasswordPolicyTest {
  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("each refused password names its rule; long passwords of any composition pass")
  @CsvSource(delimiter = '|', value = {
      "eleven-char|at least 12",
      "123qweasdzxc|most common",
      "Tangerine-Lamp-42|ok",
      "clinic.user@example.org|the username",
      "CLINIC.USER@example.org|the username",
      "all lower case words only|ok",
      "ççççççççççççç|ok"})
  void rules(String password, String expected) {
    if (expected.equals("ok")) {
      PasswordPolicy.check("newPassword", password, "clinic.user@example.org");
      return;
    }
    Refusal refusal = assertThrows(Refusal.class,
        () -> PasswordPolicy.check("newPassword", password, "clinic.user@example.org"));
    assertEquals(Refusal.Code.INVALID, refusal.code());
    assertTrue(refusal.getMessage().startsWith("newPassword: ") && refusal.getMessage().contains(expected),
        refusal.getMessage());
  }
}
