package org.holdspace.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import org.holdspace.config.Smtp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** The mailer of a node: SMTP when {@code smtpHost} is set, otherwise one that sends nothing (said once in the log). */
public final class Mailers {
  private static final Logger LOG = LoggerFactory.getLogger(Mailers.class);
  private static final long TIMEOUT_MS = 10_000;

  private Mailers() {
  }

  public static Mailer of(Vertx vertx, Optional<Smtp> smtp) {
    if (smtp.isEmpty()) {
      LOG.info("No smtpHost is set: nothing is e-mailed (alert escalations reach the console only)");
      return new Mailer() {
        @Override
        public boolean enabled() {
          return false;
        }

        @Override
        public Future<Void> send(Notice notice) {
          return Future.failedFuture(new IllegalStateException("e-mail is not configured"));
        }
      };
    }
    return new SmtpMailer(vertx, smtp.get());
  }

  /** Over vertx-mail-client; a connection per send attempt is fine for the few notices a server sends. */
  private static final class SmtpMailer implements Mailer {
    private final MailClient client;
    private final String from;

    SmtpMailer(Vertx vertx, Smtp smtp) {
      MailConfig config = new MailConfig()
          .setHostname(smtp.host())
          .setPort(smtp.port())
          .setStarttls(smtp.startTls() ? StartTLSOptions.REQUIRED : StartTLSOptions.OPTIONAL)
          .setConnectTimeout((int) TIMEOUT_MS)
          .setKeepAlive(false);
      smtp.username().ifPresent(u -> config.setUsername(u).setLogin(LoginOption.REQUIRED));
      smtp.password().ifPresent(config::setPassword);
      this.client = MailClient.create(vertx, config);
      this.from = smtp.from();
      LOG.info("E-mail goes through {}", smtp);
    }

    @Override
    public boolean enabled() {
      return true;
    }

    @Override
    public Future<Void> send(Notice notice) {
      MailMessage message = new MailMessage().setFrom(from).setTo(notice.to()).setSubject(notice.subject())
          .setText(notice.text());
      return client.sendMail(message).mapEmpty();
    }
  }
}
