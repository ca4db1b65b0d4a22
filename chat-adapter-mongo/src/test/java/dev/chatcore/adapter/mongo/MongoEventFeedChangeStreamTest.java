package dev.chatcore.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.domain.port.EventFeedContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The feed with change streams: the embedded server gets its oplog switched on (a real MongoDB
 * under {@code CHAT_MONGO_URI} must be a replica set).
 */
class MongoEventFeedChangeStreamTest extends EventFeedContract {
  @RegisterExtension static final MongoFixture mongo = MongoFixture.withOplog();

  @Override
  protected Nodes newNodes() {
    MongoOptions options =
        mongo.options(mongo.freshName()).withSyncDelivery(MongoOptions.SyncDelivery.CHANGE_STREAMS);
    return new Nodes(mongo.storage(options).feed(), mongo.storage(options).events());
  }

  @Test
  void automaticDeliveryPicksChangeStreamsWhenTheServerHasThem() {
    assertEquals(
        "change_streams", mongo.storage(mongo.options(mongo.freshName())).feed().delivery());
  }
}
