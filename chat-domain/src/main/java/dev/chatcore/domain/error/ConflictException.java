package dev.chatcore.domain.error;

/** The request clashes with the current state (a full room, a duplicate). */
public final class ConflictException extends ChatException {
  public ConflictException(String message) {
    super(message);
  }
}
