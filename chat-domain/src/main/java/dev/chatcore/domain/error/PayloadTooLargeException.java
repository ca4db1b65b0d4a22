package dev.chatcore.domain.error;

/** A value is larger than its configured limit. */
public final class PayloadTooLargeException extends ChatException {
  public PayloadTooLargeException(String message) {
    super(message);
  }
}
