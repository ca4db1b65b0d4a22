package dev.chatcore.server.di;

import dagger.BindsInstance;
import dagger.Component;
import dev.chatcore.server.ServerConfig;
import jakarta.inject.Singleton;

/** The server on MongoDB. */
@Singleton
@Component(
    modules = {CoreModule.class, HttpModule.class, MetricsModule.class, MongoStorageModule.class})
public interface MongoServerComponent extends ServerComponent {
  @Component.Factory
  interface Factory {
    MongoServerComponent create(@BindsInstance ServerConfig config);
  }
}
