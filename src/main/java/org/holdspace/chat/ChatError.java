package org.holdspace.chat;

/** A refused frame: the contract's error code and a message saying which field or rule. */
public class ChatError extends RuntimeException {
  private final String code;

  public ChatError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public static ChatError badFrame(String message) {
    return new ChatError("bad_frame", message);
  }

  public String code() {
    return code;
  }
}
