package dev.chatcore.domain.room;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.Objects;

/**
 * An account's membership record for one room.
 *
 * @param since when the account entered this state (for JOINED: when it joined)
 * @param sinceEvent the stream position of that change (its {@code m.member} event)
 */
public record RoomMember(RoomId room, AccountId account, MemberState state, Instant since, EventId sinceEvent) {
  public RoomMember {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(sinceEvent, "sinceEvent");
  }
}
