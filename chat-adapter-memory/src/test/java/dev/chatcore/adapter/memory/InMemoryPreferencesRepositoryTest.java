package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.PreferencesRepository;
import dev.chatcore.domain.port.PreferencesRepositoryContract;

class InMemoryPreferencesRepositoryTest extends PreferencesRepositoryContract {
  @Override
  protected PreferencesRepository newPreferencesRepository() {
    return new InMemoryPreferencesRepository();
  }
}
