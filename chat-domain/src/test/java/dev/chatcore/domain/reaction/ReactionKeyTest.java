package dev.chatcore.domain.reaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatcore.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class ReactionKeyTest {
  @Test
  void keysAreTrimmedAndCountedInCodePoints() {
    assertEquals("👍", ReactionKey.of("  👍 ", 32, "key").value());
    String thirtyTwoEmoji = "😀".repeat(32); // 64 UTF-16 chars, 32 code points
    assertEquals(thirtyTwoEmoji, ReactionKey.of(thirtyTwoEmoji, 32, "key").value());
  }

  @Test
  void missingBlankTooLongAndControlKeysAreRefusedNamingTheField() {
    for (String bad : new String[] {null, "", "   ", "x".repeat(33), "a\nb", "\u0007"}) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> ReactionKey.of(bad, 32, "key"));
      assertEquals("key", e.field());
    }
  }
}
