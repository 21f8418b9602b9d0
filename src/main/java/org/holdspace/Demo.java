package org.holdspace;

import io.vertx.core.Future;
import org.holdspace.core.AuthUser;
import org.holdspace.auth.AccountService;
import org.holdspace.auth.PasswordHasher;
import org.holdspace.core.Refusal;
import org.holdspace.core.Role;
import org.holdspace.group.GroupService;
import org.holdspace.group.TeamService;
import org.holdspace.protocol.Protocols;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo: a facilitator, a co-facilitator, a supervisor (assigned by the first admin), four members and a
 * 16-session IPT group. Accounts are created on first use and get fresh passwords at every start, which are printed
 * so a newcomer can sign in at once and try each standing.
 */
final class Demo {
  private static final String FACILITATOR = "demo-facilitator";
  private static final String CO_FACILITATOR = "demo-cofacilitator";
  private static final String SUPERVISOR = "demo-supervisor";
  private static final String ADMIN = "admin";
  private static final String[] MEMBERS = {"demo-member-1", "demo-member-2", "demo-member-3", "demo-member-4"};
  private static final String[] MEMBER_NAMES = {"Alex", "Sam", "Robin", "Jordan"};

  private Demo() {
  }

  /** The services the demo seeds through. */
  record Seeders(AccountService accounts, GroupService groups, TeamService team) {
  }

  /** Seeds the demo and answers the lines to print. */
  static Future<List<String>> seed(Seeders s) {
    List<String> lines = new ArrayList<>();
    lines.add("Demo accounts (passwords are new at every start):");
    return account(s.accounts(), FACILITATOR, "Dr. Morgan (facilitator)", Role.FACILITATOR, lines)
        .compose(facilitator -> group(s.groups(), facilitator)
            .compose(groupId -> members(s, facilitator, groupId, lines)
                .compose(v -> account(s.accounts(), CO_FACILITATOR, "Dr. Lee (co-facilitator)", Role.FACILITATOR, lines))
                .compose(co -> already(s.team().addFacilitator(facilitator, groupId, co.id())))
                .compose(v -> account(s.accounts(), SUPERVISOR, "Dr. Okafor (supervisor)", Role.SUPERVISOR, lines))
                .compose(supervisor -> supervise(s, groupId, supervisor, lines))
                .map(v -> {
                  lines.add("Demo group id: " + groupId + " (" + CO_FACILITATOR + " co-facilitates it, " + SUPERVISOR
                      + " supervises it read-only)");
                  return lines;
                })));
  }

  private static Future<Long> group(GroupService groups, AuthUser facilitator) {
    return groups.mine(facilitator).compose(mine -> {
      if (!mine.isEmpty()) {
        return Future.succeededFuture(mine.getJsonObject(0).getLong("id"));
      }
      return groups.create(facilitator, new GroupService.NewGroup("Tuesday evening IPT group",
              Protocols.builtIn().get("ipt"), 16,
              Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS), 90))
          .map(group -> group.getLong("id"));
    });
  }

  private static Future<Void> members(Seeders s, AuthUser facilitator, long groupId, List<String> lines) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < MEMBERS.length; i++) {
      String username = MEMBERS[i];
      String name = MEMBER_NAMES[i];
      chain = chain.compose(v -> account(s.accounts(), username, name, Role.MEMBER, lines))
          .compose(member -> s.groups().enrol(facilitator, groupId, member.id(), null)
              .<Void>mapEmpty().recover(e -> Future.succeededFuture()));
    }
    return chain;
  }

  /** Supervisors are assigned by an admin: the first admin account does it, as it would on the admin page. */
  private static Future<Void> supervise(Seeders s, long groupId, AuthUser supervisor, List<String> lines) {
    return s.accounts().find(ADMIN).compose(found -> {
      if (found.isEmpty() || found.get().user().role() != Role.ADMIN) {
        lines.add("  (no account \"" + ADMIN + "\": assign " + SUPERVISOR + " to the group on the admin page)");
        return Future.succeededFuture();
      }
      return already(s.team().addSupervisor(found.get().user(), groupId, supervisor.id()));
    });
  }

  /** A team change that a previous start made already (409) is fine. */
  private static Future<Void> already(Future<?> change) {
    return change.<Void>mapEmpty().recover(e -> e instanceof Refusal r && r.code() == Refusal.Code.CONFLICT
        ? Future.succeededFuture() : Future.failedFuture(e));
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
