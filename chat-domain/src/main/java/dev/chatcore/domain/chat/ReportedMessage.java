package dev.chatcore.domain.chat;

import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One message as a report's log keeps it (a snapshot, not a live reference). */
public record ReportedMessage(EventId id, AccountId author, String text, Optional<JsonObjectText> context,
    Instant createdAt) {
  public ReportedMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
