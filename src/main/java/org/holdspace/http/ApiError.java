package org.holdspace.http;

/** A failure with its place in the contract: HTTP status, error code and, for bad input, what was wrong. */
public class ApiError extends RuntimeException {
  private final int status;
  private final String code;

  public ApiError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, "bad_request", message);
  }

  public static ApiError unauthenticated() {
    return new ApiError(401, "unauthenticated", "a valid token is needed");
  }

  public static ApiError forbidden() {
    return new ApiError(403, "forbidden", "not allowed for this account");
  }

  public static ApiError notFound() {
    return new ApiError(404, "not_found", "no such resource");
  }

  public static ApiError conflict(String message) {
    return new ApiError(409, "conflict", message);
  }

  public static ApiError rateLimited() {
    return new ApiError(429, "rate_limited", "too many attempts; try again later");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
