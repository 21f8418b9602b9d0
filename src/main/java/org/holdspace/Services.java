package org.holdspace;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.holdspace.alert.AlertRoutes;
import org.holdspace.alert.AlertStore;
import org.holdspace.alert.Alerts;
import org.holdspace.alert.RiskScreen;
import org.holdspace.grouplog.MessageLog;
import org.holdspace.moderation.SpeakingRules;
import org.holdspace.audit.AuditLog;
import org.holdspace.auth.AuditRoutes;
import org.holdspace.auth.AccountRoutes;
import org.holdspace.auth.AccountService;
import org.holdspace.auth.AuthHandler;
import org.holdspace.auth.PasswordHasher;
import org.holdspace.auth.Tokens;
import org.holdspace.auth.UserRepository;
import org.holdspace.chat.ChatGateway;
import org.holdspace.grouplog.EventLog;
import org.holdspace.chat.GroupCommand;
import org.holdspace.group.HistoryRoutes;
import org.holdspace.presence.Presence;
import org.holdspace.whisper.Whispers;
import org.holdspace.cluster.ClusterStatus;
import org.holdspace.moderation.ModerationCommands;
import org.holdspace.moderation.ModerationService;
import org.holdspace.alert.RiskPhrases;
import org.holdspace.clinical.Clinical;
import org.holdspace.config.Config;
import org.holdspace.group.GroupAccess;
import org.holdspace.group.Enrolment;
import org.holdspace.group.GroupStore;
import org.holdspace.group.GroupRoutes;
import org.holdspace.group.GroupService;
import org.holdspace.http.HealthRoute;
import org.holdspace.limits.SlidingWindowLimiter;
import org.holdspace.metrics.Meters;
import org.holdspace.metrics.MetricsRoute;
import org.holdspace.session.AttendanceRoutes;
import org.holdspace.session.AttendanceService;
import org.holdspace.session.AttendanceStore;
import org.holdspace.session.SessionRoutes;
import org.holdspace.session.SessionService;
import org.holdspace.session.SessionStore;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Every service of the process, built once from the pool and the settings; verticles take what they need. */
public final class Services {
  private final Config config;
  private final UserRepository users;
  private final AccountService accounts;
  private final AuthHandler authHandler;
  private final AccountRoutes accountRoutes;
  private final GroupService groups;
  private final GroupRoutes groupRoutes;
  private final SessionService sessions;
  private final SessionRoutes sessionRoutes;
  private final HistoryRoutes historyRoutes;
  private final HealthRoute health;
  private final ChatGateway.Dependencies chat;
  private final Presence presence;
  private final Alerts alerts;
  private final AlertRoutes alertRoutes;
  private final AuditLog audit;
  private final GroupAccess access;
  private final ModerationService moderation;
  private final AuditRoutes auditRoutes;
  private final AttendanceRoutes attendanceRoutes;
  private final Clinical clinical;
  private final MetricsRoute metricsRoute;

  /**
   * The services of one node; {@code cluster} tells whether and how it is clustered, {@code registry} receives its
   * meters.
   */
  public Services(Vertx vertx, Pool pool, Config config, String jwtSecret, ClusterStatus cluster,
                  PrometheusMeterRegistry registry) {
    this.config = config;
    Meters meters = new Meters(registry);
    meters.clusterMembers(cluster::members);
    this.metricsRoute = new MetricsRoute(registry, config.metricsToken());
    Tokens tokens = new Tokens(vertx, jwtSecret, config.tokenMinutes());
    this.audit = new AuditLog();
    this.users = new UserRepository();
    this.accounts = new AccountService(vertx, pool, users, new PasswordHasher(config.passwordHashIterations()), tokens,
        config.loginLimits());
    this.authHandler = new AuthHandler(tokens);
    this.accountRoutes = new AccountRoutes(accounts);
    Enrolment enrolment = new Enrolment();
    this.access = new GroupAccess(pool, enrolment, audit);
    this.alerts = new Alerts(vertx, pool, new AlertStore());
    this.alertRoutes = new AlertRoutes(alerts, access);
    this.auditRoutes = new AuditRoutes(pool, audit);
    AttendanceService attendance = new AttendanceService(pool, new AttendanceStore(), enrolment);
    this.attendanceRoutes = new AttendanceRoutes(attendance, access);
    this.groups = new GroupService(pool, new GroupStore(), enrolment, access, users, audit);
    this.groupRoutes = new GroupRoutes(groups);
    EventLog log = new EventLog(vertx, pool, meters);
    this.sessions = new SessionService(log, new SessionStore(), audit);
    this.sessionRoutes = new SessionRoutes(sessions, access);
    this.historyRoutes = new HistoryRoutes(log, access);
    this.clinical = new Clinical(pool, access, enrolment, audit, alerts, log, attendance::sessions);
    this.health = new HealthRoute(pool, cluster, config.databasePoolSize());
    // One lane per two cores: each lane keeps a transaction in flight, and on two cores one lane's batches grow
    // instead of two lanes competing with the sockets for the same CPU.
    MessageLog messages = new MessageLog(vertx, pool, log, new SpeakingRules(),
        new RiskScreen(alerts, new RiskPhrases(config.riskPhrases())),
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    this.moderation = new ModerationService(log, audit, enrolment);
    Map<String, GroupCommand> commands = new HashMap<>();
    commands.put("say", (user, standing, groupId, frame) -> messages.say(user,
            standing == GroupAccess.Standing.FACILITATOR, groupId, frame.text("text"), frame.optionalText("clientId"))
        .map(MessageLog.Said::seq));
    commands.put("start_session", GroupCommand.facilitatorOnly(
        (user, standing, groupId, frame) -> sessions.start(user, groupId).map(SessionService.Outcome::seq)));
    commands.put("end_session", GroupCommand.facilitatorOnly(
        (user, standing, groupId, frame) -> sessions.end(user, groupId).map(SessionService.Outcome::seq)));
    ModerationCommands.register(commands, moderation, new Whispers(vertx, pool, enrolment, audit), alerts);
    this.presence = new Presence(pool, log, UUID.randomUUID().toString());
    this.chat = new ChatGateway.Dependencies(tokens, access, log, presence, Map.copyOf(commands),
        config.chatLimits(), config.allowedOrigins(), messageRate(vertx, config.chatLimits()), meters);
  }

  /** The message rate of each account over all its sockets on this node (each node counts its own). */
  private static SlidingWindowLimiter messageRate(Vertx vertx, Config.ChatLimits limits) {
    long window = limits.messageWindowSeconds() * 1000L;
    SlidingWindowLimiter limiter = new SlidingWindowLimiter(limits.messagesPerWindow(), window);
    vertx.setPeriodic(Math.max(window, 60_000), id -> limiter.sweep());
    return limiter;
  }

  public MetricsRoute metricsRoute() {
    return metricsRoute;
  }

  /** Every frame type /ws answers (the authorization test checks its table against it). */
  public java.util.Set<String> frameTypes() {
    return ChatGateway.frameTypes(chat);
  }

  public ChatGateway chatGateway(Vertx vertx) {
    return new ChatGateway(vertx, chat);
  }

  public AttendanceRoutes attendanceRoutes() {
    return attendanceRoutes;
  }

  public AuditRoutes auditRoutes() {
    return auditRoutes;
  }

  public ModerationService moderation() {
    return moderation;
  }

  public Alerts alerts() {
    return alerts;
  }

  public AlertRoutes alertRoutes() {
    return alertRoutes;
  }

  public Clinical clinical() {
    return clinical;
  }

  public AuditLog audit() {
    return audit;
  }

  public GroupAccess access() {
    return access;
  }

  public Presence presence() {
    return presence;
  }

  public Config config() {
    return config;
  }

  public UserRepository users() {
    return users;
  }

  public AccountService accounts() {
    return accounts;
  }

  public AuthHandler authHandler() {
    return authHandler;
  }

  public AccountRoutes accountRoutes() {
    return accountRoutes;
  }

  public GroupService groups() {
    return groups;
  }

  public GroupRoutes groupRoutes() {
    return groupRoutes;
  }

  public SessionService sessions() {
    return sessions;
  }

  public SessionRoutes sessionRoutes() {
    return sessionRoutes;
  }

  public HistoryRoutes historyRoutes() {
    return historyRoutes;
  }

  public HealthRoute health() {
    return health;
  }
}
