package org.holdspace.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Password hashing")
class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher(1000);

  @Test
  @DisplayName("accepts the right password and refuses a wrong one")
  void rightAndWrong() {
    String stored = hasher.hash("correct horse battery");
    assertTrue(hasher.verify("correct horse battery", stored));
    assertFalse(hasher.verify("correct horse batterY", stored));
    assertFalse(hasher.verify("", stored));
  }

  @Test
  @DisplayName("stores the algorithm, iterations and salt, and never the password itself")
  void storedForm() {
    String stored = hasher.hash("a password of mine");
    String[] parts = stored.split("\\$");
    assertEquals(4, parts.length, stored);
    assertEquals("pbkdf2-sha256", parts[0]);
    assertEquals("1000", parts[1]);
    assertFalse(stored.contains("a password of mine"));
  }

  @Test
  @DisplayName("salts every hash, so the same password hashes differently each time")
  void salted() {
    String a = hasher.hash("same password");
    String b = hasher.hash("same password");
    assertNotEquals(a, b);
    assertTrue(hasher.verify("same password", a));
    assertTrue(hasher.verify("same password", b));
  }

  @Test
  @DisplayName("verifies a hash made with other iterations, so the cost can be raised later")
  void otherIterations() {
    String old = new PasswordHasher(2000).hash("kept password");
    assertTrue(hasher.verify("kept password", old));
    assertFalse(hasher.verify("other password", old));
  }

  @Test
  @DisplayName("answers false for an account without a hash and for a hash of another scheme")
  void noOrForeignHash() {
    assertFalse(hasher.verify("anything", null));
    assertFalse(hasher.verify("anything", "bcrypt$10$abc$def"));
  }

  @Test
  @DisplayName("costs nothing to create, however many iterations, so it does not slow the start")
  void cheapToCreate() {
    assertTimeout(Duration.ofSeconds(2), () -> new PasswordHasher(10_000_000));
  }

  @Test
  @DisplayName("generates typeable passwords: four groups of four, no look-alike characters, different each time")
  void generatedPasswords() {
    String a = PasswordHasher.generatePassword();
    assertTrue(a.matches("[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}"), a);
    assertNotEquals(a, PasswordHasher.generatePassword());
  }
}
