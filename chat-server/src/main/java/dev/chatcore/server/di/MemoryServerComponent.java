package dev.chatcore.server.di;

import dagger.BindsInstance;
import dagger.Component;
import dev.chatcore.server.ServerConfig;
import jakarta.inject.Singleton;

/** The server on in-memory storage. */
@Singleton
@Component(
    modules = {CoreModule.class, HttpModule.class, MetricsModule.class, MemoryStorageModule.class})
public interface MemoryServerComponent extends ServerComponent {
  @Component.Factory
  interface Factory {
    MemoryServerComponent create(@BindsInstance ServerConfig config);
  }
}
