package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.OneTimeKeyRepository;
import dev.chatcore.domain.port.OneTimeKeyRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The key store contract with two nodes on one database: each node a storage with its own client,
 * so the concurrent claims of {@link #eightConcurrentClaimersGetEveryKeyExactlyOnce} run half on
 * each node and meet only in MongoDB.
 */
class MongoTwoNodeOneTimeKeyRepositoryTest extends OneTimeKeyRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  private String database;

  @Override
  protected OneTimeKeyRepository newRepository() {
    database = mongo.freshName();
    return mongo.storage(mongo.options(database)).oneTimeKeys();
  }

  @Override
  protected OneTimeKeyRepository sameStoreElsewhere(OneTimeKeyRepository repository) {
    return mongo.storage(mongo.options(database)).oneTimeKeys();
  }
}
