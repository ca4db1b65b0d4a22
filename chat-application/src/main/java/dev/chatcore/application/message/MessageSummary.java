package dev.chatcore.application.message;

import dev.chatcore.domain.reaction.ReactionCount;
import java.util.List;

/**
 * What the server aggregates onto a message for one viewer.
 *
 * @param reactions per key: how many reacted and whether the viewer did; ordered by key
 * @param readBy how many members' receipts are at or after the message
 */
public record MessageSummary(List<ReactionCount> reactions, long readBy) {
  public static final MessageSummary NONE = new MessageSummary(List.of(), 0);

  public MessageSummary {
    reactions = List.copyOf(reactions);
  }
}
