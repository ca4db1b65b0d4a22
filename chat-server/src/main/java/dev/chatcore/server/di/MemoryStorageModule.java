package dev.chatcore.server.di;

import dagger.Module;
import dagger.Provides;
import dev.chatcore.adapter.memory.InMemoryChatStorage;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Storage: everything in memory. */
@Module
public interface MemoryStorageModule {
  @Provides
  @Singleton
  static ChatStorage storage() {
    return InMemoryChatStorage.create();
  }

  @Provides
  @Named("syncDelivery")
  static String syncDelivery() {
    return "local";
  }
}
