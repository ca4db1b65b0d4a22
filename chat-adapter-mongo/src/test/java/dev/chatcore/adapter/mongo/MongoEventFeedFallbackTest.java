package dev.chatcore.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatcore.domain.error.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On a server without change streams (the embedded one without oplog), the feed polls. */
class MongoEventFeedFallbackTest {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Test
  void automaticDeliveryFallsBackToPolling() {
    assumeTrue(mongo.embedded(), "a real MongoDB may have change streams");
    assertEquals("polling", mongo.storage(mongo.options(mongo.freshName())).feed().delivery());
  }

  @Test
  void demandingChangeStreamsFromAServerWithoutThemFailsAtStart() {
    assumeTrue(mongo.embedded(), "a real MongoDB may have change streams");
    MongoOptions options =
        mongo.options(mongo.freshName()).withSyncDelivery(MongoOptions.SyncDelivery.CHANGE_STREAMS);
    assertThrows(UnavailableException.class, () -> mongo.storage(options));
  }
}
