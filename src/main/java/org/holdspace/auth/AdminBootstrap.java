package org.holdspace.auth;

import org.holdspace.core.Role;

import io.vertx.core.Future;
import org.holdspace.config.Config;

/** Creates the first admin account when none exists: from the configured password, or a generated one printed once. */
public final class AdminBootstrap {
  private AdminBootstrap() {
  }

  /** Creates the first admin (named {@code admin}) when no admin account exists. */
  public static Future<Void> ensureAdmin(AccountService accounts, Config config) {
    return accounts.countAdmins().compose(count -> {
      if (count > 0) {
        return Future.succeededFuture();
      }
      String password = config.adminPassword().orElseGet(PasswordHasher::generatePassword);
      return accounts.create("admin", password, "Administrator", Role.ADMIN).map(admin -> {
        if (config.adminPassword().isEmpty()) {
          System.out.println("Created the first admin account. Username: admin  Password: " + password
              + "  (shown once; set HOLDSPACE_ADMIN_PASSWORD to choose it)");
        }
        return null;
      });
    });
  }
}
