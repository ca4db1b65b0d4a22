package dev.chatcore.domain.moderation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a {@link ContentFilter} decided about a player's message. Reasons are short codes ({@code
 * slur}, {@code personal_data}): a rejected player gets the code, admins see a flagged message's
 * code in its automatic report. They never repeat the matched words, so a refusal does not teach a
 * player which spelling got through.
 */
public sealed interface FilterVerdict {
  /**
   * A reason code: 1-64 characters of lower-case letters, digits, {@code _}, {@code .} and {@code
   * -}.
   */
  Pattern REASON = Pattern.compile("[a-z0-9_.-]{1,64}");

  /** Store the message as sent. */
  FilterVerdict ALLOW = new Allow();

  /** The text stored and shown to players, given the text the player sent. */
  String textToStore(String sent);

  /** Store the message as sent. */
  record Allow() implements FilterVerdict {
    @Override
    public String textToStore(String sent) {
      return sent;
    }
  }

  /** Store {@code text} instead of what was sent (the offending parts masked). */
  record Mask(String text) implements FilterVerdict {
    public Mask {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String textToStore(String sent) {
      return text;
    }
  }

  /**
   * Store {@code text} (the message as sent, or masked) and file an automatic report of it for the
   * admins, with {@code reason} in the report's note.
   */
  record Flag(String text, String reason) implements FilterVerdict {
    public Flag {
      Objects.requireNonNull(text, "text");
      requireReason(reason);
    }

    @Override
    public String textToStore(String sent) {
      return text;
    }
  }

  /** Store nothing; the sender is refused with {@code reason}. */
  record Reject(String reason) implements FilterVerdict {
    public Reject {
      requireReason(reason);
    }

    @Override
    public String textToStore(String sent) {
      throw new IllegalStateException("a rejected message is not stored");
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || !REASON.matcher(reason).matches()) {
      throw new IllegalArgumentException(
          "a reason code is 1-64 characters of [a-z0-9_.-], got " + reason);
    }
  }
}
