package dev.chatcore.application.filter;

import dev.chatcore.domain.moderation.FilterVerdict;
import java.util.Arrays;
import java.util.List;

/** The terms one check found, and the verdict they add up to. One per check; not thread-safe. */
final class Findings implements TermTrie.Found {
  private final List<WordListEntry> entries;
  private final FoldedText folded;
  private final String text;
  private int rejected = -1;
  private int flagged = -1;

  /** Character ranges of the original text to mask: start, end, start, end, ... */
  private int[] masks;

  private int maskEnds;

  Findings(List<WordListEntry> entries, FoldedText folded, String text) {
    this.entries = entries;
    this.folded = folded;
    this.text = text;
  }

  @Override
  public boolean found(int entry, int startSymbol, int endSymbol) {
    switch (entries.get(entry).action()) {
      case REJECT -> rejected = entry;
      case FLAG -> flagged = flagged < 0 ? entry : flagged;
      case MASK -> mask(folded.from[startSymbol], folded.to(text, endSymbol));
    }
    return rejected >= 0; // nothing can change a rejection
  }

  FilterVerdict verdict() {
    if (rejected >= 0) return new FilterVerdict.Reject(entries.get(rejected).reason());
    String stored = masks == null ? text : masked(text);
    if (flagged >= 0) return new FilterVerdict.Flag(stored, entries.get(flagged).reason());
    return masks == null ? FilterVerdict.ALLOW : new FilterVerdict.Mask(stored);
  }

  private void mask(int from, int to) {
    if (masks == null) masks = new int[8];
    if (maskEnds + 2 > masks.length) masks = Arrays.copyOf(masks, masks.length * 2);
    masks[maskEnds++] = from;
    masks[maskEnds++] = to;
  }

  /** One {@code *} per masked character (white space kept), the rest as sent. */
  private String masked(String original) {
    boolean[] hidden = new boolean[original.length()];
    for (int i = 0; i < maskEnds; i += 2) Arrays.fill(hidden, masks[i], masks[i + 1], true);
    StringBuilder out = new StringBuilder(original.length());
    for (int i = 0; i < original.length(); ) {
      int cp = original.codePointAt(i);
      if (hidden[i] && !Character.isWhitespace(cp)) out.append('*');
      else out.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
