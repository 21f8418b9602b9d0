package org.holdspace.support;

import io.vertx.core.json.JsonObject;
import org.holdspace.support.TestServer.Account;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/**
 * A facilitator, a group of theirs with members enrolled, and optionally its session started; with the sockets a
 * test opens in it. Registered as
 * {@code @RegisterExtension final LiveGroup group = LiveGroup.of("Dr. Hale", "Ana", "Ben").started().open(server)},
 * each test (one test instance per test, JUnit's default) gets a group of its own and its sockets are closed after
 * it.
 */
public final class LiveGroup implements AfterEachCallback, AutoCloseable {
  private final String facilitatorName;
  private final List<String> memberNames;
  private String protocol = "ipt";
  private int sessions = 12;
  private boolean start;

  private TestServer server;
  private Account facilitator;
  private List<Account> members;
  private long id;
  private final List<ChatClient> clients = new CopyOnWriteArrayList<>();

  private LiveGroup(String facilitatorName, List<String> memberNames) {
    this.facilitatorName = facilitatorName;
    this.memberNames = memberNames;
  }

  /** A group of the named facilitator with the named members, in that order. */
  public static LiveGroup of(String facilitator, String... members) {
    return new LiveGroup(facilitator, List.of(members));
  }

  /** A group of the named facilitator with members called "Member 0" to "Member n-1". */
  public static LiveGroup of(String facilitator, int members) {
    return new LiveGroup(facilitator, IntStream.range(0, members).mapToObj(i -> "Member " + i).toList());
  }

  /** The protocol and plan length (ipt with 12 sessions unless told). */
  public LiveGroup protocol(String name, int sessionCount) {
    this.protocol = name;
    this.sessions = sessionCount;
    return this;
  }

  /** Starts the first session once the members are enrolled. */
  public LiveGroup started() {
    this.start = true;
    return this;
  }

  /** Makes the accounts and the group now, on the given server (or cluster node). */
  public LiveGroup open(TestServer on) {
    server = on;
    facilitator = on.newAccount("facilitator", facilitatorName);
    members = memberNames.stream().map(name -> on.newAccount("member", name)).toList();
    id = on.newGroup(facilitator, protocol, sessions).getLong("id");
    members.forEach(member -> on.enrol(facilitator, id, member));
    if (start) {
      on.startSession(facilitator, id);
    }
    return this;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  public long id() {
    return id;
  }

  public Account facilitator() {
    return facilitator;
  }

  public List<Account> members() {
    return members;
  }

  /** The member at this place in the order given to {@link #of}. */
  public Account member(int index) {
    return members.get(index);
  }

  /** A socket that has said hello as the account, closed after the test. */
  public ChatClient connect(Account account) {
    return connect(server, account);
  }

  /** A socket to the given node that has said hello as the account, closed after the test. */
  public ChatClient connect(TestServer node, Account account) {
    return keep(node.connect(account));
  }

  /** A socket that has joined the group as the account, closed after the test. */
  public ChatClient joined(Account account) {
    return joined(server, account);
  }

  /** A socket to the given node that has joined the group as the account, closed after the test. */
  public ChatClient joined(TestServer node, Account account) {
    ChatClient client = connect(node, account);
    client.join(id, null).await();
    return client;
  }

  private ChatClient keep(ChatClient client) {
    clients.add(client);
    return client;
  }

  /** A frame of this type for the group. */
  public JsonObject frame(String type) {
    return new JsonObject().put("type", type).put("groupId", id);
  }

  /** Closes every socket opened through this group so far. */
  @Override
  public void close() {
    List<ChatClient> open = new ArrayList<>(clients);
    clients.clear();
    open.forEach(ChatClient::close);
  }
}
