package dev.chatcore.domain.error;

/** The caller is known but may not do this. */
public final class ForbiddenException extends ChatException {
  public ForbiddenException(String message) {
    super(message);
  }
}
