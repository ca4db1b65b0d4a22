package dev.chatcore.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessagePolicyTest {
  private final Limits limits = Limits.defaults();
  private final MessagePolicy policy = new MessagePolicy(limits);

  @Test
  void textIsTrimmed() {
    assertEquals("hi", policy.message("  hi \n", Optional.empty(), "text", "context").text());
  }

  @Test
  void blankTextNeedsANonEmptyContext() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> policy.message("   ", Optional.empty(), "message.text", "message.context"));
    assertEquals("message.text", e.field());
    assertThrows(
        InvalidInputException.class,
        () -> policy.message("", Optional.of(new JsonObjectText("{}")), "text", "context"));
    EventContent.Message sticker =
        policy.message("", Optional.of(new JsonObjectText("{\"s\":1}")), "text", "context");
    assertEquals("", sticker.text());
  }

  @Test
  void missingTextIsBlank() {
    assertThrows(
        InvalidInputException.class,
        () -> policy.message(null, Optional.empty(), "text", "context"));
    assertEquals(
        "",
        policy
            .message(null, Optional.of(new JsonObjectText("{\"s\":1}")), "text", "context")
            .text());
  }

  @Test
  void whiteSpaceOnlyContextCountsAsEmpty() {
    assertThrows(
        InvalidInputException.class,
        () -> policy.message(" ", Optional.of(new JsonObjectText("{ \n }")), "text", "context"));
  }

  @Test
  void textIsCountedInCodePoints() {
    String max = "😀".repeat(limits.messageTextMaxChars());
    assertEquals(max, policy.message(max, Optional.empty(), "text", "context").text());
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> policy.message(max + "x", Optional.empty(), "message.text", "context"));
    assertEquals("message.text", e.field());
  }

  @Test
  void textIsCountedAfterTrimming() {
    String max = "x".repeat(limits.messageTextMaxChars());
    assertEquals(
        max, policy.message("  " + max + "\n", Optional.empty(), "text", "context").text());
  }

  @Test
  void contextIsLimitedInBytes() {
    String big = "{\"k\":\"" + "x".repeat(limits.messageContextMaxBytes()) + "\"}";
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> policy.message("x", Optional.of(new JsonObjectText(big)), "text", "ctx"));
    assertEquals("ctx", e.field());
  }

  @Test
  void contextOfExactlyTheLimitIsAccepted() {
    String padding = "x".repeat(limits.messageContextMaxBytes() - "{\"k\":\"\"}".length());
    JsonObjectText atLimit = new JsonObjectText("{\"k\":\"" + padding + "\"}");
    assertEquals(limits.messageContextMaxBytes(), atLimit.sizeBytes());
    assertEquals(
        Optional.of(atLimit),
        policy.message("", Optional.of(atLimit), "text", "context").context());
  }

  @Test
  void contextIsCountedInUtf8Bytes() {
    String padding = "é".repeat(limits.messageContextMaxBytes() / 2); // two bytes each
    JsonObjectText overByBytes = new JsonObjectText("{\"k\":\"" + padding + "\"}");
    assertThrows(
        InvalidInputException.class,
        () -> policy.message("x", Optional.of(overByBytes), "text", "context"));
  }

  @Test
  void transactionIdsAreVisibleAsciiUpTo64() {
    assertEquals("abc-1", policy.txnId("abc-1"));
    assertEquals("x".repeat(64), policy.txnId("x".repeat(64)));
    assertEquals("!~", policy.txnId("!~"), "the first and last visible ASCII characters");
    for (String bad : new String[] {"", "x".repeat(65), "has space", "tab\t", "del\u007f", "é"}) {
      assertThrows(InvalidInputException.class, () -> policy.txnId(bad), bad);
    }
  }
}
