package dev.chatcore.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.port.ReactionRepositoryContract;
import dev.chatcore.domain.reaction.ReactionCount;
import dev.chatcore.domain.reaction.ReactionKey;
import dev.chatcore.domain.testing.TestIds;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoReactionRepositoryTest extends ReactionRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected ReactionRepository newReactionRepository() {
    return new MongoReactionRepository(mongo.freshDatabase());
  }

  /** U+FB01 sorts before U+1F44D by code point, after it by UTF-16 unit (a surrogate is 0xD83D). */
  @Test
  void keysAreOrderedByCodePointNotByUtf16Unit() {
    ReactionRepository reactions = newReactionRepository();
    RoomId room = TestIds.room();
    EventId message = new EventId(7);
    AccountId me = TestIds.account();
    reactions.add(room, message, me, new ReactionKey("👍"));
    reactions.add(room, message, me, new ReactionKey("\uFB01"));
    assertEquals(List.of(new ReactionCount("\uFB01", 1, true), new ReactionCount("👍", 1, true)),
        reactions.aggregates(room, Set.of(message), me).get(message));
  }
}
