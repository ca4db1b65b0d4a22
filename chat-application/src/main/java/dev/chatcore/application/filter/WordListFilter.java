package dev.chatcore.application.filter;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.ContentFilter;
import dev.chatcore.domain.moderation.FilterVerdict;
import java.util.Objects;

/**
 * A {@link ContentFilter} over a {@link WordList} that can be replaced while the chat runs (the
 * standalone server reloads its file on change): each check reads the current list once, so a
 * message is judged wholly by the old list or wholly by the new one.
 */
public final class WordListFilter implements ContentFilter {
  private volatile WordList list;

  public WordListFilter(WordList list) {
    this.list = Objects.requireNonNull(list, "list");
  }

  /** The list checks use from now on. */
  public void replace(WordList list) {
    this.list = Objects.requireNonNull(list, "list");
  }

  public WordList list() {
    return list;
  }

  @Override
  public FilterVerdict check(AccountId sender, RoomId room, String text) {
    return list.check(text);
  }
}
