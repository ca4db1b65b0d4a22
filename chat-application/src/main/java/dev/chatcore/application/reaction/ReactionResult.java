package dev.chatcore.application.reaction;

import dev.chatcore.domain.reaction.ReactionCount;
import java.util.List;

/**
 * The outcome of adding or removing a reaction.
 *
 * @param changed false when the call was a repeat that changed nothing (and published nothing)
 * @param reactions the message's aggregate after the call, as the caller sees it
 */
public record ReactionResult(boolean changed, List<ReactionCount> reactions) {
  public ReactionResult {
    reactions = List.copyOf(reactions);
  }
}
