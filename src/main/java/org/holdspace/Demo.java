package org.holdspace;

import io.vertx.core.Future;
import org.holdspace.core.AuthUser;
import org.holdspace.auth.AccountService;
import org.holdspace.auth.PasswordHasher;
import org.holdspace.core.Role;
import org.holdspace.group.GroupService;
import org.holdspace.protocol.Protocols;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo: a facilitator, four members and a 16-session IPT group. Accounts are created on first use and get
 * fresh passwords at every start, which are printed so a newcomer can sign in at once.
 */
final class Demo {
  private static final String FACILITATOR = "demo-facilitator";
  private static final String[] MEMBERS = {"demo-member-1", "demo-member-2", "demo-member-3", "demo-member-4"};
  private static final String[] MEMBER_NAMES = {"Alex", "Sam", "Robin", "Jordan"};

  private Demo() {
  }

  /** Seeds the demo and answers the lines to print. */
  static Future<List<String>> seed(AccountService accounts, GroupService groups) {
    List<String> lines = new ArrayList<>();
    lines.add("Demo accounts (passwords are new at every start):");
    return account(accounts, FACILITATOR, "Dr. Morgan (facilitator)", Role.FACILITATOR, lines)
        .compose(facilitator -> groups.mine(facilitator).compose(mine -> {
          if (!mine.isEmpty()) {
            return Future.succeededFuture(mine.getJsonObject(0).getLong("id"));
          }
          return groups.create(facilitator, new GroupService.NewGroup("Tuesday evening IPT group",
                  Protocols.builtIn().get("ipt"), 16,
                  Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS), 90))
              .map(group -> group.getLong("id"));
        }).compose(groupId -> {
          Future<Void> chain = Future.succeededFuture();
          for (int i = 0; i < MEMBERS.length; i++) {
            String username = MEMBERS[i];
            String name = MEMBER_NAMES[i];
            chain = chain.compose(v -> account(accounts, username, name, Role.MEMBER, lines))
                .compose(member -> groups.enrol(facilitator, groupId, member.id(), null)
                    .recover(e -> Future.succeededFuture()));
          }
          return chain.map(v -> {
            lines.add("Demo group id: " + groupId);
            return lines;
          });
        }));
  }

  private static Future<AuthUser> account(AccountService accounts, String username, String displayName, Role role,
                                          List<String> lines) {
    String password = PasswordHasher.generatePassword();
    lines.add(String.format("  %-12s %-18s password %s", role.wire(), username, password));
    return accounts.find(username).compose(found -> found.isPresent()
        ? accounts.resetPassword(found.get().user().id(), password).map(found.get().user())
        : accounts.create(username, password, displayName, role));
  }
}
