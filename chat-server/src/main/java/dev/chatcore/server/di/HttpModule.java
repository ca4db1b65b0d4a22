package dev.chatcore.server.di;

import dagger.Module;
import dagger.Provides;
import dev.chatcore.adapter.http.AccessLog;
import dev.chatcore.adapter.http.ChatHttp;
import dev.chatcore.adapter.http.HttpApi;
import dev.chatcore.adapter.http.RequestObserver;
import dev.chatcore.adapter.http.ServerInfo;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.application.ChatCore;
import dev.chatcore.server.ChatServer;
import dev.chatcore.server.ServerConfig;
import dev.chatcore.server.ServerModeration;
import dev.chatcore.server.Version;
import dev.chatcore.server.metrics.ServerMetrics;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;

/** HTTP: tokens, the routes of both APIs, the handler chain and the server around it. */
@Module
public interface HttpModule {
  @Provides
  @Singleton
  static JwtTokens tokens(ServerConfig config, Clock clock) {
    return new JwtTokens(config.auth().settings(config.authSecret().orElseThrow()), clock);
  }

  @Provides
  static ServerInfo info(ChatCore core, @Named("syncDelivery") String syncDelivery) {
    return new ServerInfo("chat-core", Version.current(), core.storage().kind(), syncDelivery);
  }

  @Provides
  @Singleton
  static HttpApi api(
      ChatCore core,
      JwtTokens tokens,
      ServerConfig config,
      ServerInfo info,
      Clock clock,
      RequestObserver requests) {
    return ChatHttp.api(
        core,
        tokens,
        info,
        config.tokenTtl(),
        clock,
        Executors.newVirtualThreadPerTaskExecutor(),
        new AccessLog(config.logging().accessLog(), requests));
  }

  @Provides
  @Singleton
  static ChatServer server(
      ServerConfig config,
      ChatCore core,
      HttpApi api,
      JwtTokens tokens,
      Optional<ServerMetrics> metrics,
      ServerModeration moderation) {
    return new ChatServer(config, core, api, tokens, metrics, moderation);
  }
}
