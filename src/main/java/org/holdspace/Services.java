package org.holdspace;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.holdspace.alert.AlertRoutes;
import org.holdspace.alert.Alerts;
import org.holdspace.alert.RiskPhrases;
import org.holdspace.alert.RiskScreen;
import org.holdspace.alert.SafetyPlanRoutes;
import org.holdspace.alert.SafetyPlans;
import org.holdspace.audit.AuditLog;
import org.holdspace.auth.AuditRoutes;
import org.holdspace.auth.AccountRoutes;
import org.holdspace.auth.AccountService;
import org.holdspace.auth.AdminBootstrap;
import org.holdspace.auth.AccountAdmin;
import org.holdspace.auth.AuthHandler;
import org.holdspace.auth.OidcRoutes;
import org.holdspace.auth.OidcSignIn;
import org.holdspace.auth.Passwords;
import org.holdspace.auth.SessionGate;
import org.holdspace.auth.SignInOptions;
import org.holdspace.auth.SignInStore;
import org.holdspace.auth.Totp;
import org.holdspace.auth.TotpRoutes;
import org.holdspace.auth.UserAdminRoutes;
import org.holdspace.auth.PasswordHasher;
import org.holdspace.auth.Tokens;
import org.holdspace.auth.UserRepository;
import org.holdspace.chat.AccountSockets;
import org.holdspace.chat.ChatGateway;
import org.holdspace.chat.Commands;
import org.holdspace.clinical.Clinical;
import org.holdspace.cluster.ClusterStatus;
import org.holdspace.config.Config;
import org.holdspace.core.Drain;
import org.holdspace.core.Job;
import org.holdspace.core.Role;
import org.holdspace.group.Enrolment;
import org.holdspace.group.AccessBeforeBody;
import org.holdspace.group.Candidates;
import org.holdspace.group.GroupAccess;
import org.holdspace.group.GroupStore;
import org.holdspace.group.GroupDirectory;
import org.holdspace.group.GroupRoutes;
import org.holdspace.group.GroupService;
import org.holdspace.group.HistoryRoutes;
import org.holdspace.group.TeamRoutes;
import org.holdspace.group.TeamService;
import org.holdspace.group.Dropouts;
import org.holdspace.group.Participation;
import org.holdspace.grouplog.EventLog;
import org.holdspace.grouplog.MessageLog;
import org.holdspace.http.ApiDocs;
import org.holdspace.http.ApiRouter;
import org.holdspace.http.HealthRoute;
import org.holdspace.limits.SlidingWindowLimiter;
import org.holdspace.mail.Mailer;
import org.holdspace.mail.Mailers;
import org.holdspace.metrics.Meters;
import org.holdspace.metrics.MetricsRoute;
import org.holdspace.moderation.DeadlineSweeper;
import org.holdspace.moderation.ModerationService;
import org.holdspace.moderation.Readmission;
import org.holdspace.moderation.SpeakingRules;
import org.holdspace.notes.Notes;
import org.holdspace.presence.Presence;
import org.holdspace.protocol.ProtocolRoutes;
import org.holdspace.protocol.Protocols;
import org.holdspace.privacy.Privacy;
import org.holdspace.presence.PresenceSweeper;
import org.holdspace.retention.RetentionJob;
import org.holdspace.schedule.Schedules;
import org.holdspace.session.AttendanceRoutes;
import org.holdspace.session.AttendanceService;
import org.holdspace.session.AttendanceStore;
import org.holdspace.session.SessionRoutes;
import org.holdspace.session.SessionService;
import org.holdspace.session.SessionStore;
import org.holdspace.whisper.Whispers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every service of the process, built once from the pool and the settings: the HTTP surface of an event loop, the
 * socket gateway's dependencies and the periodic jobs.
 */
public final class Services {
  private final Config config;
  private final AccountService accounts;
  private final GroupService groups;
  private final TeamService team;
  private final AuthHandler authHandler;
  private final List<Consumer<Router>> publicRoutes;
  private final List<Consumer<Router>> protectedRoutes;
  private final ChatGateway.Dependencies chat;
  private final List<Job> jobs = new ArrayList<>();
  private final Drain drain = new Drain();
  private final List<ChatGateway> gateways = new CopyOnWriteArrayList<>();

  /**
   * The services of one node; {@code cluster} tells whether and how it is clustered, {@code registry} receives its
   * meters.
   */
  public Services(Vertx vertx, Pool pool, Config config, String jwtSecret, ClusterStatus cluster,
                  PrometheusMeterRegistry registry) {
    this.config = config;
    Meters meters = new Meters(registry);
    meters.clusterMembers(cluster::members);
    SignInStore signIns = new SignInStore();
    SessionGate gate = new SessionGate(vertx, pool, signIns);
    Tokens tokens = new Tokens(vertx, jwtSecret, config.jwtPreviousSecret(), config.tokenMinutes(),
        config.sessionMaxHours(), gate);
    AuditLog audit = new AuditLog();
    UserRepository users = new UserRepository();
    PasswordHasher hasher = new PasswordHasher(config.passwordHashIterations());
    Totp totp = new Totp(pool, users, signIns, gate);
    this.accounts = new AccountService(vertx, pool, users, hasher, tokens, gate, totp, config.loginLimits());
    Passwords passwords = new Passwords(vertx, pool, users, signIns, hasher, gate, audit);
    AccountAdmin accountAdmin = new AccountAdmin(pool, users, accounts, gate, audit);
    this.authHandler = new AuthHandler(tokens,
        config.requireTotpFor().stream().map(Role::fromWire).collect(java.util.stream.Collectors.toSet()));
    Enrolment enrolment = new Enrolment();
    GroupAccess access = new GroupAccess(pool, enrolment, audit);
    Participation participation = new Participation();
    AttendanceService attendance = new AttendanceService(pool, new AttendanceStore(), participation);
    Protocols protocols = new Protocols(pool, audit);
    EventLog log = new EventLog(vertx, pool, meters);
    Presence presence = new Presence(pool, log, UUID.randomUUID().toString());
    Mailer mailer = Mailers.of(vertx, config.smtp());
    Alerts alerts = new Alerts(new Alerts.Dependencies(vertx, pool, audit, log, enrolment, presence, mailer, registry),
        config.safety());
    Schedules schedules = new Schedules(pool, log, access, audit, mailer, config.reminderHours(),
        config.safety().publicUrl());
    RiskScreen riskScreen = new RiskScreen(alerts, RiskPhrases.standard(config.riskPhrases()));
    SessionService sessions = new SessionService(log, new SessionStore(), audit);
    Candidates candidates = new Candidates(pool, enrolment);
    this.groups = new GroupService(pool, new GroupStore(), enrolment, access, candidates, audit, protocols);
    this.team = new TeamService(vertx, pool, new GroupStore(), enrolment, access, users, audit);
    ModerationService moderation = new ModerationService(log, audit, enrolment);
    // One lane per two cores: each lane keeps a transaction in flight, and on two cores one lane's batches grow
    // instead of two lanes competing with the sockets for the same CPU.
    MessageLog messages = new MessageLog(vertx, pool, log, new SpeakingRules(),
        riskScreen,
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    // Counted per node: a member whose sockets sit on several nodes may send up to the limit on each of them.
    Config.ChatLimits limits = config.chatLimits();
    SlidingWindowLimiter messageRate = new SlidingWindowLimiter(limits.messagesPerWindow(),
        limits.messageWindowSeconds() * 1000L);
    Whispers whispers = new Whispers(vertx, pool, enrolment, audit, riskScreen);
    Commands commands = Commands.of(new Commands.Dependencies(sessions, moderation,
        new Readmission(vertx, log, audit, enrolment), messages, whispers, alerts, messageRate, limits));
    this.chat = new ChatGateway.Dependencies(authHandler, access, log, presence, commands, whispers, limits,
        config.allowedOrigins(), meters, drain, new AccountSockets(limits.maxSocketsPerAccount()));

    Clinical clinical = new Clinical(pool, access, enrolment, audit, alerts, log, attendance::sessions, protocols);
    AccountRoutes accountRoutes = new AccountRoutes(accounts, passwords);
    List<Consumer<Router>> open = new ArrayList<>();
    config.oidc().ifPresent(oidc ->
        open.add(new OidcRoutes(new OidcSignIn(vertx, pool, oidc, users, tokens))::mountPublic));
    open.addAll(List.of(accountRoutes::mountPublic, schedules::mountPublic,
        new SignInOptions(config.oidc())::mountPublic, new ApiDocs()::mount,
        new HealthRoute(pool, cluster, config.databasePoolSize(), drain)::mount,
        new MetricsRoute(registry, config.metricsToken(), config.metricsPublic())::mount));
    this.publicRoutes = List.copyOf(open);
    this.protectedRoutes = List.of(new AccessBeforeBody(access)::mount, accountRoutes::mount,
        new UserAdminRoutes(accountAdmin, passwords)::mount, new TotpRoutes(totp)::mount,
        new ProtocolRoutes(protocols)::mount,
        new GroupRoutes(groups, new Dropouts(pool, access, enrolment, participation, log, audit), protocols)::mount,
        candidates::mount, new GroupDirectory(pool, audit)::mount, new TeamRoutes(team)::mount,
        new SessionRoutes(sessions, access)::mount, new HistoryRoutes(log, access)::mount,
        new AlertRoutes(alerts, access)::mount,
        new SafetyPlanRoutes(new SafetyPlans(pool, access, enrolment, audit))::mount, new AuditRoutes(pool, audit)::mount,
        new AttendanceRoutes(attendance, access)::mount,
        clinical::mount, new Notes(pool, access, enrolment, audit, log, clinical.sessionFacts())::mount,
        new Privacy(vertx, pool, access, enrolment, audit, gate)::mount, schedules::mount);

    jobs.add(new PresenceSweeper(pool, presence));
    jobs.add(new DeadlineSweeper(pool, moderation));
    jobs.add(new RetentionJob(pool, audit));
    jobs.add(messageRate.sweeper("Message rate sweep"));
    jobs.addAll(accounts.jobs());
    jobs.addAll(alerts.jobs());
    jobs.addAll(schedules.jobs());
  }

  /** The whole HTTP and WebSocket surface of one event loop (the authorization test lists its routes from here). */
  public Router router(Vertx vertx) {
    ChatGateway gateway = new ChatGateway(vertx, chat);
    gateways.add(gateway);
    List<Consumer<Router>> open = new ArrayList<>(publicRoutes);
    open.add(gateway::mount);
    return ApiRouter.create(vertx, authHandler, open, protectedRoutes);
  }

  /** This node's shutdown state, shared by its health check, its sockets and its HTTP servers. */
  public Drain drain() {
    return drain;
  }

  /**
   * Starts the drain (health 503, no new sockets) and says goodbye to every open socket once its commands in flight
   * are answered; completes when they are all closed.
   */
  public Future<Void> drainSockets(long deadlineMillis) {
    drain.begin(deadlineMillis);
    return Future.join(gateways.stream().map(ChatGateway::drain).toList()).mapEmpty();
  }

  /** Every frame type /ws answers (the authorization test checks its table against it). */
  public Set<String> frameTypes() {
    return chat.commands().types();
  }

  /** The periodic jobs of this node, to be started once it is wired and stopped before its pool closes. */
  public List<Job> jobs() {
    return List.copyOf(jobs);
  }

  /** Seeds the demo group, its accounts and its team; answers the lines to print. */
  public Future<List<String>> seedDemo() {
    return Demo.seed(new Demo.Seeders(accounts, groups, team));
  }

  /** Creates the first admin when there is none. */
  public Future<Void> ensureAdmin() {
    return AdminBootstrap.ensureAdmin(accounts, config);
  }
}
