package dev.chatcore.application.moderation;

import dev.chatcore.domain.moderation.ContentFilter;
import java.util.Objects;

/**
 * The moderation the host plugs into the core: the content filter every player message goes
 * through. {@link #none()} is the default of {@link dev.chatcore.application.ChatCore#create}.
 *
 * @param filter checks each player message before it is stored
 */
public record ContentModeration(ContentFilter filter) {
  public ContentModeration {
    Objects.requireNonNull(filter, "filter");
  }

  /** No filter: every message is stored as sent. */
  public static ContentModeration none() {
    return new ContentModeration(ContentFilter.NONE);
  }

  /** This moderation with {@code filter}. */
  public ContentModeration withFilter(ContentFilter filter) {
    return new ContentModeration(filter);
  }
}
