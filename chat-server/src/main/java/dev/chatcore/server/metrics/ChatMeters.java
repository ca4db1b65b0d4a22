package dev.chatcore.server.metrics;

import dev.chatcore.application.ChatObserver;
import dev.chatcore.domain.moderation.Ban;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The core's own events as counters, registered at start so that every series exists (at 0) before
 * the first event: {@code chat_sync_deliveries_total}, {@code chat_ratelimit_refusals_total} and
 * {@code chat_bans_total{kind="admin"|"spam"}}.
 */
final class ChatMeters implements ChatObserver {
  private final Counter deliveries;
  private final Counter refusals;
  private final Counter adminBans;
  private final Counter spamBans;

  ChatMeters(MeterRegistry registry) {
    deliveries =
        Counter.builder("chat.sync.deliveries")
            .description("Events delivered by sync answers and live-stream batches")
            .register(registry);
    refusals =
        Counter.builder("chat.ratelimit.refusals")
            .description("Requests refused by the rate limiter (418)")
            .register(registry);
    adminBans = bans(registry, "admin");
    spamBans = bans(registry, "spam");
  }

  private static Counter bans(MeterRegistry registry, String kind) {
    return Counter.builder("chat.bans")
        .description("Service-wide bans stored, by who issued them")
        .tag("kind", kind)
        .register(registry);
  }

  @Override
  public void delivered(int events) {
    deliveries.increment(events);
  }

  @Override
  public void rateLimited() {
    refusals.increment();
  }

  @Override
  public void banned(Ban ban) {
    (ban.automatic() ? spamBans : adminBans).increment();
  }
}
