package dev.chatcore.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.application.Caller;
import dev.chatcore.application.embed.Chat;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.TestIds;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedding factory on MongoDB: two embedded chats on one database are one chat. */
class MongoChatTest {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Test
  void twoEmbeddedChatsOnOneDatabaseShareRoomsAndWakeEachOther() throws Exception {
    MongoOptions options = mongo.options(mongo.freshName());
    try (Chat first = MongoChat.builder(options, Clock.systemUTC()).build();
        Chat second = MongoChat.builder(options, Clock.systemUTC()).build()) {
      Caller server = new Caller(TestIds.account(), "game-server", true);
      Caller player = Caller.player(TestIds.account(), "player");
      RoomId lobby = first.createRoom(server, "lobby", Optional.empty()).room().id();
      CompletableFuture<SyncBatch> waiting =
          second.waitForEvents(player, first.head(), Duration.ofSeconds(20));
      Event sent = first.send(server, lobby, "welcome");
      SyncBatch batch = waiting.get(20, TimeUnit.SECONDS);
      assertEquals(List.of(sent.id()), batch.events().stream().map(Event::id).toList());
    }
  }
}
