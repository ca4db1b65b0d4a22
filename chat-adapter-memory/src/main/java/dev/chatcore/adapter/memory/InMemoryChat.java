package dev.chatcore.adapter.memory;

import dev.chatcore.application.embed.Chat;
import dev.chatcore.application.embed.ChatBuilder;
import dev.chatcore.domain.policy.Limits;
import java.time.Clock;

/**
 * The embedded chat on in-memory storage, in one line: everything works, nothing survives the
 * process. Needs neither Undertow nor Dagger on the classpath.
 *
 * <pre>{@code
 * try (Chat chat = InMemoryChat.create()) {
 *   RoomView lobby = chat.createRoom(gameServer, "lobby", Optional.empty());
 *   chat.send(player, lobby.room().id(), "gg");
 * }
 * }</pre>
 */
public final class InMemoryChat {
  private InMemoryChat() {}

  /**
   * A chat with the default limits and the system clock.
   *
   * @return a running chat that owns its storage
   */
  public static Chat create() {
    return create(Limits.defaults(), Clock.systemUTC());
  }

  /**
   * A chat with the given limits and clock (tests pass a mutable clock).
   *
   * @param limits the limits to run with
   * @param clock the time source of the core and of the storage's expiring events
   * @return a running chat that owns its storage
   */
  public static Chat create(Limits limits, Clock clock) {
    return builder(clock).limits(limits).build();
  }

  /**
   * A builder over fresh in-memory storage, for the other settings (rate limit, scheduler, idle
   * threshold, spam policy).
   *
   * @param clock the time source of the core and of the storage's expiring events
   * @return a builder whose clock is already set to {@code clock}
   */
  public static ChatBuilder builder(Clock clock) {
    return Chat.builder(InMemoryChatStorage.create(clock)).clock(clock);
  }
}
