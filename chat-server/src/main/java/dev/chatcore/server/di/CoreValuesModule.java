package dev.chatcore.server.di;

import dagger.Module;
import dagger.Provides;
import dev.chatcore.application.health.Dependency;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.moderation.ContentFilter;
import dev.chatcore.domain.moderation.ReportAlertRule;
import dev.chatcore.domain.moderation.ReportAlerts;
import dev.chatcore.domain.policy.E2eeLimits;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.MessagePolicy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * The values the use cases take that are not use cases: the domain's policies (the domain knows no
 * {@code @Inject}), the parts of the host's moderation, and the readiness check's extra
 * dependencies (none in the core: the HTTP adapter adds its own).
 */
@Module
public interface CoreValuesModule {
  @Provides
  @Singleton
  static IdGenerator ids(Clock clock) {
    return new IdGenerator(clock);
  }

  @Provides
  @Singleton
  static MessagePolicy messagePolicy(Limits limits) {
    return new MessagePolicy(limits);
  }

  @Provides
  static E2eeLimits e2eeLimits() {
    return E2eeLimits.defaults();
  }

  @Provides
  static ContentFilter contentFilter(ContentModeration moderation) {
    return moderation.filter();
  }

  @Provides
  static ReportAlerts reportAlerts(ContentModeration moderation) {
    return moderation.alerts();
  }

  @Provides
  static ReportAlertRule reportAlertRule(ContentModeration moderation) {
    return moderation.alertRule();
  }

  @Provides
  static List<Dependency> readinessDependencies() {
    return List.of();
  }
}
