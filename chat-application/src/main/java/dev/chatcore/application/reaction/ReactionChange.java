package dev.chatcore.application.reaction;

import dev.chatcore.application.Caller;
import dev.chatcore.application.KeyedLocks;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.reaction.ReactionKey;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * What adding and removing share: the checks (key, membership, target message) and "change the
 * store, and only when it changed publish {@code m.reaction}" under the key's lock, so that
 * duplicates publish nothing and one node tells changes of a key in store order.
 */
public final class ReactionChange {
  private record Key(RoomId room, EventId message, AccountId account, String key) {}

  private interface StoreChange {
    boolean apply(RoomId room, EventId message, AccountId account, ReactionKey key);
  }

  private final EventLog events;
  private final ReactionRepository reactions;
  private final RoomAccess access;
  private final RegisterCaller register;
  private final EventPublisher publisher;
  private final KeyedLocks locks;
  private final Limits limits;
  private final Clock clock;

  @Inject
  public ReactionChange(
      EventLog events,
      ReactionRepository reactions,
      RoomAccess access,
      RegisterCaller register,
      EventPublisher publisher,
      KeyedLocks locks,
      Limits limits,
      Clock clock) {
    this.events = events;
    this.reactions = reactions;
    this.access = access;
    this.register = register;
    this.publisher = publisher;
    this.locks = locks;
    this.limits = limits;
    this.clock = clock;
  }

  /** Adds the caller's reaction {@code rawKey} to {@code message}, publishing only a change. */
  ReactionResult add(Caller caller, RoomId room, EventId message, String rawKey) {
    return change(caller, room, message, rawKey, true, reactions::add);
  }

  /**
   * Removes the caller's reaction {@code rawKey} from {@code message}, publishing only a change.
   */
  ReactionResult remove(Caller caller, RoomId room, EventId message, String rawKey) {
    return change(caller, room, message, rawKey, false, reactions::remove);
  }

  private ReactionResult change(
      Caller caller,
      RoomId roomId,
      EventId message,
      String rawKey,
      boolean add,
      StoreChange storeChange) {
    ReactionKey key = ReactionKey.of(rawKey, limits.reactionKeyMaxChars(), "key");
    register.register(caller);
    Room room = access.memberRoom(caller.id(), caller.admin(), roomId);
    Event target =
        events
            .find(message)
            .filter(e -> e.isMessage() && e.room().equals(room.id()))
            .orElseThrow(() -> new NotFoundException("message not found in this room"));
    boolean changed =
        locks.withLock(
            new Key(room.id(), target.id(), caller.id(), key.value()),
            () -> {
              if (!storeChange.apply(room.id(), target.id(), caller.id(), key)) return false;
              publisher.publish(
                  new NewEvent(
                      room.id(),
                      caller.id(),
                      clock.instant(),
                      new EventContent.Reaction(target.id(), key.value(), add)));
              return true;
            });
    return new ReactionResult(
        changed,
        reactions
            .aggregates(room.id(), Set.of(target.id()), caller.id())
            .getOrDefault(target.id(), List.of()));
  }
}
