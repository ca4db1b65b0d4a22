package dev.chatcore.domain.testing;

import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.Optional;

/** New events for tests. */
public final class Events {
  public static final AccountId SENDER = new AccountId("5e0de75e0de75e0de75e0de7");
  private static final Instant TS = Instant.parse("2026-01-01T00:00:00Z");

  private Events() {}

  public static NewEvent message(RoomId room, String text) {
    return message(room, SENDER, text);
  }

  public static NewEvent message(RoomId room, AccountId sender, String text) {
    return new NewEvent(room, sender, TS, new EventContent.Message(text, Optional.empty()));
  }

  public static NewEvent messageWithTxn(RoomId room, AccountId sender, String text, String txnId) {
    return new NewEvent(
        room, sender, TS, new EventContent.Message(text, Optional.empty()), Optional.of(txnId));
  }

  public static NewEvent join(RoomId room, AccountId who) {
    return new NewEvent(room, who, TS, new EventContent.Member(who, Membership.JOIN));
  }
}
