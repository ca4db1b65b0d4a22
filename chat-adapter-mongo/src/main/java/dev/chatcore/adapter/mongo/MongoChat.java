package dev.chatcore.adapter.mongo;

import dev.chatcore.application.embed.Chat;
import dev.chatcore.application.embed.ChatBuilder;
import java.time.Clock;

/**
 * The embedded chat on MongoDB: durable, and several game-server processes on one database form one
 * chat (syncs held in one process wake on messages sent from another). Needs neither Undertow nor
 * Dagger on the classpath.
 *
 * <pre>{@code
 * try (Chat chat = MongoChat.create("mongodb://db1,db2,db3/?replicaSet=rs0", "chat")) {
 *   chat.send(player, lobbyId, "gg");
 * }
 * }</pre>
 */
public final class MongoChat {
  private MongoChat() {}

  /**
   * A chat with the default limits and options on the database {@code database} of {@code uri}.
   *
   * @param uri a MongoDB connection string (a replica set for durability across failures)
   * @param database the database that holds the chat's collections (created on first use)
   * @return a running chat that owns its storage (closing the chat closes the client)
   * @throws dev.chatcore.domain.error.UnavailableException when MongoDB does not answer
   */
  public static Chat create(String uri, String database) {
    return builder(MongoOptions.of(uri, database), Clock.systemUTC()).build();
  }

  /**
   * A builder over a fresh MongoDB storage, for the other settings (limits, rate limit, scheduler,
   * idle threshold, spam policy).
   *
   * @param options connection, timeouts and sync delivery
   * @param clock the time source of the core and of the storage's expiring events
   * @return a builder whose clock is already set to {@code clock}
   */
  public static ChatBuilder builder(MongoOptions options, Clock clock) {
    return Chat.builder(MongoChatStorage.connect(options, clock)).clock(clock);
  }
}
