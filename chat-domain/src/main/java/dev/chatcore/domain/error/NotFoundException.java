package dev.chatcore.domain.error;

/** The thing does not exist, or the caller may not know that it does. */
public final class NotFoundException extends ChatException {
  public NotFoundException(String message) {
    super(message);
  }
}
