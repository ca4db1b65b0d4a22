package dev.chatcore.domain.error;

/**
 * A deliberate refusal: the request was understood and the core says no. Every subclass maps to one
 * HTTP status in one place of the HTTP adapter; bugs stay plain JDK exceptions.
 */
public abstract sealed class ChatException extends RuntimeException
    permits InvalidInputException,
        ContentRejectedException,
        NotFoundException,
        ForbiddenException,
        ConflictException,
        PayloadTooLargeException,
        BannedException,
        RateLimitedException,
        UnavailableException {

  protected ChatException(String message) {
    super(message, null, false, false);
  }

  protected ChatException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
