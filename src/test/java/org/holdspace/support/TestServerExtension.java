package org.holdspace.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * One {@link TestServer} per test class, over a fresh database, closed after the class. It is put into every static
 * {@code TestServer} field of the class before its {@code @BeforeAll} methods run. Register it with
 * {@code @ExtendWith(TestServerExtension.class)}, or, with extra settings, as
 * {@code @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.with(Map.of(...))}.
 */
public final class TestServerExtension implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestServer.class);

  private final Map<String, Object> overrides;

  public TestServerExtension() {
    this(Map.of());
  }

  private TestServerExtension(Map<String, Object> overrides) {
    this.overrides = overrides;
  }

  /** A server started with these configuration keys on top of the test settings. */
  public static TestServerExtension with(Map<String, Object> overrides) {
    return new TestServerExtension(overrides);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    TestServer server = TestServer.start(TestDatabase.fresh(), overrides);
    context.getStore(NAMESPACE).put(TestServer.class, server);
    for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (field.getType() == TestServer.class && Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers)) {
        field.setAccessible(true);
        field.set(null, server);
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestServer server = context.getStore(NAMESPACE).remove(TestServer.class, TestServer.class);
    if (server != null) {
      server.close();
    }
  }
}
