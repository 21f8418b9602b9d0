package org.holdspace.core;

import java.util.Locale;

/**
 * A request a service will not carry out: a code from a closed set and a message saying which field or rule. The
 * transports give it its outside form in one place each (an HTTP status and body, or an error frame).
 */
public final class Refusal extends RuntimeException {
  /** Why a request was refused. */
  public enum Code {
    /** Malformed or invalid input; the message names the field. */
    INVALID,
    UNAUTHENTICATED,
    /** The password was right, but the account has TOTP on and no (valid) code came with it. */
    TOTP_REQUIRED,
    /** The account's role must use TOTP and it has not enabled it yet: only the set-up calls are open to it. */
    TOTP_SETUP_REQUIRED,
    FORBIDDEN,
    NOT_FOUND,
    /** The request contradicts the current state (already taken, closed, out of order). */
    CONFLICT,
    /** No session of the group is live. */
    NOT_LIVE,
    MUTED,
    LOCKED,
    RATE_LIMITED,
    TOO_LARGE,
    /** The server could not complete it now (its database, overload); the same request may succeed later. */
    UNAVAILABLE;

    /** The contract's lower-case name of the code. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Code code;

  public Refusal(Code code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public Code code() {
    return code;
  }

  public static Refusal invalid(String message) {
    return new Refusal(Code.INVALID, message);
  }

  public static Refusal unauthenticated() {
    return unauthenticated("a valid token is needed");
  }

  public static Refusal unauthenticated(String message) {
    return new Refusal(Code.UNAUTHENTICATED, message);
  }

  public static Refusal totpRequired() {
    return new Refusal(Code.TOTP_REQUIRED, "totp: this account needs a current code or a recovery code");
  }

  public static Refusal totpSetupRequired() {
    return new Refusal(Code.TOTP_SETUP_REQUIRED, "this account must enable TOTP before anything else");
  }

  public static Refusal forbidden() {
    return forbidden("not allowed for this account");
  }

  public static Refusal forbidden(String message) {
    return new Refusal(Code.FORBIDDEN, message);
  }

  public static Refusal notFound() {
    return notFound("no such resource");
  }

  public static Refusal notFound(String message) {
    return new Refusal(Code.NOT_FOUND, message);
  }

  public static Refusal conflict(String message) {
    return new Refusal(Code.CONFLICT, message);
  }

  public static Refusal notLive() {
    return new Refusal(Code.NOT_LIVE, "no session is live");
  }

  public static Refusal rateLimited(String message) {
    return new Refusal(Code.RATE_LIMITED, message);
  }

  public static Refusal tooLarge(String message) {
    return new Refusal(Code.TOO_LARGE, message);
  }

  public static Refusal unavailable(String message) {
    return new Refusal(Code.UNAVAILABLE, message);
  }
}
