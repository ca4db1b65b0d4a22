package dev.chatcore.domain.room;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One membership change, made by the {@code m.member} event at {@code position}, to be stored
 * before that event becomes readable.
 *
 * @param memberBefore membership before any change, for a record that does not exist yet (true in
 *     channels, whose membership is automatic)
 * @param replacing a position this change was stored at before, which the log did not keep
 */
public record MemberChange(
    RoomId room,
    AccountId account,
    MemberState state,
    Instant at,
    EventId position,
    boolean memberBefore,
    Optional<EventId> replacing) {
  public MemberChange {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(replacing, "replacing");
  }

  /**
   * The record after this change. The change lands in the timeline at its position; it becomes the
   * record's state unless a change at a later position is stored already (then it was stored late,
   * and the later one stands).
   */
  public RoomMember appliedTo(Optional<RoomMember> stored) {
    MemberTimeline timeline =
        stored
            .map(RoomMember::timeline)
            .orElse(MemberTimeline.startingAs(memberBefore))
            .with(position, state.isMember(), replacing);
    boolean latest =
        stored.isEmpty()
            || !stored.get().sinceEvent().isAfter(position)
            || replacing.filter(stored.get().sinceEvent()::equals).isPresent();
    if (!latest) {
      RoomMember s = stored.get();
      return new RoomMember(room, account, s.state(), s.since(), s.sinceEvent(), timeline);
    }
    return new RoomMember(room, account, state, at, position, timeline);
  }
}
