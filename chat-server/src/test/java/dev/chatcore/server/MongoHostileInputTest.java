package dev.chatcore.server;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chatcore.adapter.http.HostileInputContract;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.mongo.MongoChatStorage;
import dev.chatcore.adapter.mongo.MongoOptions;
import dev.chatcore.domain.port.ChatStorage;
import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * The hostile-input walk on MongoDB (an embedded mongo-java-server): a value one store takes and
 * the other cannot hold (a date past what a Mongo date holds, say) must not become a 500 here.
 */
class MongoHostileInputTest extends HostileInputContract {
  private MongoServer mongo;

  @Override
  protected HttpTestServer newServer() {
    mongo = new MongoServer(new MemoryBackend());
    InetSocketAddress address = mongo.bind();
    ChatStorage storage =
        MongoChatStorage.connect(
            MongoOptions.of(
                "mongodb://" + address.getHostString() + ":" + address.getPort(), "hostile"),
            Clock.systemUTC());
    return HttpTestServer.builder().storage(storage).start();
  }

  @Override
  protected void afterServerClosed() {
    mongo.shutdownNow();
  }
}
