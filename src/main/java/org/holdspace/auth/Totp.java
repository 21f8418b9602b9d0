package org.holdspace.auth;

import io.nayuki.qrcodegen.QrCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.otp.OtpKey;
import io.vertx.ext.auth.otp.OtpKeyGenerator;
import io.vertx.ext.auth.otp.totp.TotpAuth;
import io.vertx.ext.auth.otp.impl.org.openauthentication.otp.OneTimePasswordAlgorithm;
import io.vertx.ext.auth.otp.totp.TotpAuthOptions;
import io.vertx.sqlclient.Pool;
import org.holdspace.core.AuthUser;
import org.holdspace.core.Refusal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s): set-up with a secret and its QR code, enabling with a first
 * code (which gives 10 single-use recovery codes, stored hashed), disabling with a code, and checking a code or a
 * recovery code at sign-in. One step of clock drift either way is tolerated, and no code is accepted twice: the
 * account's last used time step is kept, and a code of that step or an earlier one is refused.
 */
public final class Totp {
  private static final String ISSUER = "Holdspace";
  private static final int PERIOD_SECONDS = 30;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private final Pool pool;
  private final UserRepository users;
  private final SignInStore store;
  private final SessionGate gate;

  public Totp(Pool pool, UserRepository users, SignInStore store, SessionGate gate) {
    this.pool = pool;
    this.users = users;
    this.store = store;
    this.gate = gate;
  }

  /** A new secret for the account (not yet in force), its otpauth URI and that URI as an SVG QR code. */
  public Future<JsonObject> setup(AuthUser user) {
    return account(user).compose(account -> {
      if (account.totpEnabled()) {
        return Future.failedFuture(Refusal.conflict("totp: already enabled; disable it first"));
      }
      OtpKey key = OtpKeyGenerator.create().generate();
      String uri = TotpAuth.create(options()).generateUri(key, ISSUER, user.username());
      return users.setTotp(pool, user.id(), key.getKey(), false).map(v -> new JsonObject()
          .put("secret", key.getKey()).put("otpauthUri", uri).put("qrSvg", svg(uri)));
    });
  }

  /** Puts the set-up secret in force once a current code proves the authenticator has it; the recovery codes. */
  public Future<JsonObject> enable(AuthUser user, String code) {
    return account(user).compose(account -> {
      if (account.totpEnabled()) {
        return Future.failedFuture(Refusal.conflict("totp: already enabled"));
      }
      if (account.totpSecret() == null) {
        return Future.failedFuture(Refusal.conflict("totp: call setup first"));
      }
      return current(user.id(), account.totpSecret(), code).compose(ok -> {
        if (!ok) {
          return Future.failedFuture(Refusal.invalid("code: not a current code of this secret"));
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          codes.add(recoveryCode());
        }
        return pool.withTransaction(tx -> store.replaceCodes(tx, user.id(),
                codes.stream().map(ResetTokens::hash).toList())
            .compose(v -> users.setTotp(tx, user.id(), account.totpSecret(), true)))
            .onSuccess(v -> gate.changed(user.id()))
            .map(v -> new JsonObject().put("recoveryCodes", new JsonArray(codes)));
      });
    });
  }

  /** Turns TOTP off with a current code (or a recovery code). */
  public Future<Void> disable(AuthUser user, String code) {
    return account(user).compose(account -> {
      if (!account.totpEnabled()) {
        return Future.failedFuture(Refusal.conflict("totp: not enabled"));
      }
      return verify(account, code).compose(ok -> ok
          ? pool.withTransaction(tx -> store.dropCodes(tx, user.id())
              .compose(v -> users.setTotp(tx, user.id(), null, false))).onSuccess(v -> gate.changed(user.id()))
          : Future.failedFuture(Refusal.invalid("code: not a current code or an unused recovery code")));
    });
  }

  /** Whether the code is a current TOTP code of the account or one of its unused recovery codes (using it up). */
  public Future<Boolean> verify(UserRepository.StoredUser account, String code) {
    String given = code.strip().replace(" ", "");
    if (given.matches("\\d{6}")) {
      return current(account.user().id(), account.totpSecret(), given);
    }
    return store.useCode(pool, account.user().id(), ResetTokens.hash(given.toLowerCase(Locale.ROOT)));
  }

  private Future<UserRepository.StoredUser> account(AuthUser user) {
    return users.findById(pool, user.id()).map(found -> found.orElseThrow(Refusal::unauthenticated));
  }

  private static TotpAuthOptions options() {
    return new TotpAuthOptions().setPasswordLength(6).setPeriod(PERIOD_SECONDS);
  }

  /**
   * Whether the code is the secret's code of the current time step or of one step either side (clock drift), and
   * that step is later than any the account used before: a code is never accepted twice.
   */
  private Future<Boolean> current(long userId, String secret, String code) {
    if (secret == null || code == null || !code.matches("\\d{6}")) {
      return Future.succeededFuture(false);
    }
    long step = matchingStep(secret, code, Instant.now().getEpochSecond() / PERIOD_SECONDS);
    return step < 0 ? Future.succeededFuture(false) : store.useTotpStep(pool, userId, step);
  }

  /** The time step within one of {@code nowStep} whose code (RFC 6238 with vertx-auth-otp's HOTP) is this; or -1. */
  static long matchingStep(String secret, String code, long nowStep) {
    byte[] key = new OtpKey().setKey(secret).setAlgorithm("SHA1").getKeyBytes();
    try {
      for (long step = nowStep - 1; step <= nowStep + 1; step++) {
        String expected = OneTimePasswordAlgorithm.generateOTP(key, step, 6, false, -1);
        if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
            code.getBytes(StandardCharsets.US_ASCII))) {
          return step;
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA1 is not available", e);
    }
    return -1;
  }

  private static String recoveryCode() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    return sb.toString();
  }

  /** The QR code of {@code text} as a small SVG document. */
  static String svg(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int border = 4;
    int size = qr.size + border * 2;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
        + path + "\" fill=\"#000\"/></svg>";
  }
}
