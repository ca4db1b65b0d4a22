package dev.chatcore.domain.error;

/**
 * The content filter refused a message; nothing was stored. The reason is a short code ({@link
 * dev.chatcore.domain.moderation.FilterVerdict.Reject}), never the words that matched.
 */
public final class ContentRejectedException extends ChatException {
  private final String reason;

  public ContentRejectedException(String reason) {
    super("the message was refused by the content filter");
    this.reason = reason;
  }

  /** The filter's reason code. */
  public String reason() {
    return reason;
  }
}
