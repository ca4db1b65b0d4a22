package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.PreferencesRepository;
import dev.chatcore.domain.port.PreferencesRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoPreferencesRepositoryTest extends PreferencesRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected PreferencesRepository newPreferencesRepository() {
    return new MongoPreferencesRepository(mongo.freshDatabase());
  }
}
