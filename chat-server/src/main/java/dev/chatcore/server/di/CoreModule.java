package dev.chatcore.server.di;

import dagger.Module;
import dagger.Provides;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.retention.Retention;
import dev.chatcore.server.ServerConfig;
import dev.chatcore.server.ServerModeration;
import dev.chatcore.server.metrics.ServerMetrics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * The chat core, built by Dagger ({@link CoreComponent}) over the storage this server runs on, and
 * started once built.
 */
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

  /** The word-list filter and the alert webhook; built once, started and stopped by the server. */
  @Provides
  @Singleton
  static ServerModeration moderation(ServerConfig config, Clock clock) {
    return new ServerModeration(config.moderation(), clock);
  }

  @Provides
  @Singleton
  static ChatCore core(
      ChatStorage storage,
      Limits limits,
      Clock clock,
      Optional<ServerMetrics> metrics,
      ChatObserver observer,
      ServerModeration moderation) {
    // with metrics on, the core's every storage call is timed
    ChatStorage used = metrics.map(m -> m.storage(storage)).orElse(storage);
    ChatCore core =
        DaggerCoreComponent.factory()
            .create(
                used,
                limits,
                SpamPolicy.defaults(),
                Retention.defaults(),
                moderation.contentModeration(),
                clock,
                observer);
    core.runtime().start(); // after the graph is built: no listener or timer sees half of it
    return core;
  }
}
