package dev.chatcore.server.di;

import dagger.Module;
import dagger.Provides;
import dev.chatcore.adapter.http.RequestObserver;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.server.ServerConfig;
import dev.chatcore.server.metrics.ServerMetrics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** Metrics: present only with {@code CHAT_MANAGEMENT_PORT}; otherwise every observer is a no-op. */
@Module
public interface MetricsModule {
  @Provides
  @Singleton
  static Optional<ServerMetrics> metrics(ServerConfig config, Clock clock) {
    return config.management().map(m -> new ServerMetrics(clock));
  }

  @Provides
  static ChatObserver chatObserver(Optional<ServerMetrics> metrics) {
    return metrics.map(ServerMetrics::chat).orElse(ChatObserver.NONE);
  }

  @Provides
  static RequestObserver requestObserver(Optional<ServerMetrics> metrics) {
    return metrics.map(ServerMetrics::requests).orElse(RequestObserver.NONE);
  }
}
