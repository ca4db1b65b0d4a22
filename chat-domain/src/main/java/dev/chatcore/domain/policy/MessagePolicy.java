package dev.chatcore.domain.policy;

import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import java.util.Optional;

/** The rules for a message's text and context, shared by both APIs and the embedding API. */
public final class MessagePolicy {
  private final Limits limits;

  public MessagePolicy(Limits limits) {
    this.limits = limits;
  }

  /**
   * Validates and normalizes a message: text trimmed, at most the configured characters; context at
   * most the configured bytes; blank text only with a non-empty context.
   *
   * @param textField / contextField the field names used in errors (they differ per API)
   */
  public EventContent.Message message(
      String text, Optional<JsonObjectText> context, String textField, String contextField) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.codePointCount(0, trimmed.length()) > limits.messageTextMaxChars()) {
      throw new InvalidInputException(
          textField, "must be at most " + limits.messageTextMaxChars() + " characters");
    }
    if (context.isPresent() && context.get().sizeBytes() > limits.messageContextMaxBytes()) {
      throw new InvalidInputException(
          contextField, "must be at most " + limits.messageContextMaxBytes() + " bytes");
    }
    boolean hasContext = context.isPresent() && !context.get().isEmpty();
    if (trimmed.isEmpty() && !hasContext) {
      throw new InvalidInputException(
          textField, "must not be blank unless " + contextField + " is a non-empty object");
    }
    return new EventContent.Message(trimmed, context);
  }

  /** Validates a client transaction id: 1-64 visible ASCII characters. */
  public String txnId(String raw) {
    if (raw.isEmpty() || raw.length() > 64 || !raw.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new InvalidInputException("txn_id", "must be 1-64 visible ASCII characters");
    }
    return raw;
  }
}
