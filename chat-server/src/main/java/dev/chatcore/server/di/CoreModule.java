package dev.chatcore.server.di;

import dagger.Module;
import dagger.Provides;
import dev.chatcore.application.ChatCore;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.server.ServerConfig;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The chat core, built by its plain-Java factory so that Dagger and embedders get the same wiring. */
@Module
public interface CoreModule {
  @Provides
  @Singleton
  static Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  static Limits limits(ServerConfig config) {
    return config.limits();
  }

  @Provides
  @Singleton
  static ChatCore core(ChatStorage storage, Limits limits, Clock clock) {
    return ChatCore.create(storage, limits, clock);
  }
}
