package dev.chatcore.server.di;

import dagger.BindsInstance;
import dagger.Component;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.retention.Retention;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The chat core as Dagger builds it: every use case from its {@code @Inject} constructor, each port
 * from {@link PortModule}, the values derived from the settings from {@link CoreValuesModule}. It
 * takes the same inputs as {@link ChatCore#create} and builds the same graph (a test compares the
 * two object by object); its runtime is not started, which is its host's call once it is built.
 */
@Singleton
@Component(modules = {PortModule.class, CoreValuesModule.class})
public interface CoreComponent extends ChatCore {
  /** Builds the core's component; nothing starts. */
  @Component.Factory
  interface Factory {
    CoreComponent create(
        @BindsInstance ChatStorage storage,
        @BindsInstance Limits limits,
        @BindsInstance SpamPolicy spamPolicy,
        @BindsInstance Retention retention,
        @BindsInstance ContentModeration moderation,
        @BindsInstance Clock clock,
        @BindsInstance ChatObserver observer);
  }
}
