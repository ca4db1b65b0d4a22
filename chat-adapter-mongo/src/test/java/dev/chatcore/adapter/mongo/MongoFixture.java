package dev.chatcore.adapter.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chatcore.domain.port.ChatStorage;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * MongoDB for tests. With {@code CHAT_MONGO_URI} set, the real MongoDB it names; otherwise an
 * in-process {@code mongo-java-server} (memory backend) on a free port, started once per test
 * class. Every {@link #freshDatabase()} is new and is dropped after the test, with every storage
 * opened through the fixture closed first. Register it as a static extension:
 * {@code @RegisterExtension static final MongoFixture mongo = new MongoFixture();}
 */
public final class MongoFixture implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
  /** Points the tests at a real MongoDB (a replica set, for change streams). */
  public static final String URI_VARIABLE = "CHAT_MONGO_URI";

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final boolean oplog;
  private final List<String> databases = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
  private MemoryBackend backend;
  private MongoServer server;
  private InetSocketAddress address;
  private String uri;
  private MongoClient client;

  public MongoFixture() {
    this(false);
  }

  private MongoFixture(boolean oplog) {
    this.oplog = oplog;
  }

  /** An embedded server with its oplog on, which gives it (basic) change streams. */
  public static MongoFixture withOplog() {
    return new MongoFixture(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    String external = System.getenv(URI_VARIABLE);
    if (external != null && !external.isBlank()) {
      uri = external.strip();
    } else {
      backend =
          new MemoryBackend() {
            @Override
            public void close() {
              // stop() keeps the data, like a restarted mongod
            }
          };
      if (oplog) backend.enableOplog();
      server = new MongoServer(backend);
      address = server.bind();
      uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }
    client = MongoClients.create(MongoChatStorage.clientSettings(options("admin")));
  }

  /** True when the tests run on the embedded server (which can be stopped and restarted). */
  public boolean embedded() {
    return server != null;
  }

  /** A new, empty database with every index. */
  public MongoDatabase freshDatabase() {
    MongoDatabase db = client.getDatabase(freshName());
    MongoIndexes.ensure(db);
    return db;
  }

  /** A new database name, dropped after the test. */
  public String freshName() {
    String name = "chat_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    databases.add(name);
    return name;
  }

  /**
   * Options for a storage on {@code database}: a short timeout, and a short gap grace because the
   * embedded server's counter skips values under concurrency (each skip is a gap readers wait out).
   */
  public MongoOptions options(String database) {
    return MongoOptions.of(uri, database)
        .withTimeout(Duration.ofSeconds(2))
        .withGapGrace(Duration.ofMillis(300));
  }

  /** A storage ("a node") with its own client on {@code database}; closed after the test. */
  public ChatStorage storage(MongoOptions options) {
    ChatStorage storage = MongoChatStorage.connect(options);
    opened.add(storage);
    return storage;
  }

  /** {@link #storage(MongoOptions)} whose expiring events lapse by {@code clock}. */
  public ChatStorage storage(MongoOptions options, Clock clock) {
    ChatStorage storage = MongoChatStorage.connect(options, clock);
    opened.add(storage);
    return storage;
  }

  /** Closes something after the test, before the databases are dropped. */
  public <T extends AutoCloseable> T closeAfterTest(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  /** Stops the embedded server: connections break, requests fail until {@link #restart()}. */
  public void stop() {
    requireEmbedded();
    server.shutdownNow();
  }

  /** Starts the embedded server again, on the same port, with the same data. */
  public void restart() {
    requireEmbedded();
    server = new MongoServer(backend);
    server.bind(address.getHostString(), address.getPort());
  }

  private void requireEmbedded() {
    if (server == null) throw new IllegalStateException("only the embedded server can be stopped");
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    List<AutoCloseable> closing = new ArrayList<>(opened);
    Collections.reverse(closing); // cores before the storages they use
    opened.clear();
    for (AutoCloseable c : closing) c.close();
    for (String name : databases) drop(name);
    databases.clear();
  }

  /** Drops a database; after a {@link #restart()} the first use of a pooled connection may fail. */
  private void drop(String name) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.getDatabase(name).drop();
        return;
      } catch (com.mongodb.MongoException e) {
        if (attempt == 3) throw e;
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (client != null) client.close();
    if (server != null) server.shutdownNow();
  }
}
