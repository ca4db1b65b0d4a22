package dev.chatcore.domain.room;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's membership record for one room.
 *
 * @param since when the account entered this state (for JOINED: when it joined)
 * @param sinceEvent the stream position of that change (its {@code m.member} event)
 * @param timeline membership along the stream: what syncs, unread and live streams deliver by
 */
public record RoomMember(
    RoomId room,
    AccountId account,
    MemberState state,
    Instant since,
    EventId sinceEvent,
    MemberTimeline timeline) {
  public RoomMember {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(sinceEvent, "sinceEvent");
    Objects.requireNonNull(timeline, "timeline");
  }

  /**
   * A record whose timeline holds just its own change, reached from the other side (a join from
   * outside, a leave, kick or ban from inside): the form of records stored before timelines.
   */
  public RoomMember(
      RoomId room, AccountId account, MemberState state, Instant since, EventId sinceEvent) {
    this(
        room,
        account,
        state,
        since,
        sinceEvent,
        MemberTimeline.startingAs(!state.isMember())
            .with(sinceEvent, state.isMember(), Optional.empty()));
  }
}
