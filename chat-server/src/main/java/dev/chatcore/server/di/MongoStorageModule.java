package dev.chatcore.server.di;

import dagger.Module;
import dagger.Provides;
import dev.chatcore.adapter.mongo.MongoChatStorage;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.server.ServerConfig;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Storage: MongoDB, shared by every node; the sync delivery is what the event feed chose. */
@Module
public interface MongoStorageModule {
  @Provides
  @Singleton
  static ChatStorage storage(ServerConfig config) {
    return MongoChatStorage.connect(
        config
            .mongo()
            .orElseThrow(
                () -> new IllegalStateException("CHAT_STORAGE=mongodb without Mongo settings"))
            .options());
  }

  @Provides
  @Named("syncDelivery")
  static String syncDelivery(ChatStorage storage) {
    return storage.feed().delivery();
  }
}
