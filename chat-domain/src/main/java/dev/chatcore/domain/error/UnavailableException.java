package dev.chatcore.domain.error;

/** Storage (or another dependency) does not answer; the request may be retried. */
public final class UnavailableException extends ChatException {
  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
