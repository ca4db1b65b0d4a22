package dev.chatcore.application.embed;

import dev.chatcore.application.ChatCore;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.application.globalroom.SweepIdlePlayers;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.domain.moderation.ContentFilter;
import dev.chatcore.domain.moderation.ReportAlertRule;
import dev.chatcore.domain.moderation.ReportAlerts;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.retention.Retention;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds a {@link Chat} over a storage. Every setting has a default: {@link Limits#defaults()}, the
 * system UTC clock, the default spam policy, no content filter or report alerts, no rate limit, a
 * 10-minute idle threshold for global rooms, maintenance on a one-thread daemon scheduler that the
 * chat owns, and no observer. Not thread-safe; build once at start.
 *
 * <p>A storage adapter wraps this in a one-line factory ({@code InMemoryChat.create()}); a Mongo
 * factory is {@code Chat.builder(mongoStorage).clock(clock).build()} the same way.
 */
public final class ChatBuilder {
  /** How often expired events (typing notices) are purged by the maintenance. */
  /**
   * How often the retention janitor runs for an embedded chat (as the standalone server's default
   * {@code CHAT_JANITOR_INTERVAL_S}). Expired typing notices need no task here: the core purges
   * them on its own timer every 5 s.
   */
  public static final Duration JANITOR_EVERY = Duration.ofMinutes(30);

  private final ChatStorage storage;
  private Limits limits = Limits.defaults();
  private Clock clock = Clock.systemUTC();
  private SpamPolicy spamPolicy = SpamPolicy.defaults();
  private ContentModeration contentModeration = ContentModeration.none();
  private boolean rateLimited;
  private Duration idleAfter = SweepIdlePlayers.DEFAULT_IDLE_AFTER;
  private Optional<ScheduledExecutorService> scheduler = Optional.empty();
  private boolean manualMaintenance;
  private boolean closeStorage = true;
  private ChatObserver observer = ChatObserver.NONE;

  ChatBuilder(ChatStorage storage) {
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  /**
   * The limits to run with.
   *
   * @param limits the limits (message sizes, sync timeouts, capacities, rate limit)
   * @return this builder
   */
  public ChatBuilder limits(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    return this;
  }

  /**
   * The time source of every rule (expiry, bans, rate limit, idle sweep).
   *
   * @param clock the clock; must be the one the storage was built with, if it takes one
   * @return this builder
   */
  public ChatBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The automatic spam-ban policy.
   *
   * @param spamPolicy the policy
   * @return this builder
   */
  public ChatBuilder spamPolicy(SpamPolicy spamPolicy) {
    this.spamPolicy = Objects.requireNonNull(spamPolicy, "spamPolicy");
    return this;
  }

  /**
   * The content filter every player message goes through after the spam check and before it is
   * stored: allow, mask, flag (stored, and reported automatically) or reject. None by default.
   *
   * @param filter the filter; it runs on the caller's thread for every player message, so it must
   *     be thread-safe and fast
   * @return this builder
   */
  public ChatBuilder contentFilter(ContentFilter filter) {
    this.contentModeration = contentModeration.withFilter(Objects.requireNonNull(filter, "filter"));
    return this;
  }

  /**
   * Where report alerts go: {@code alerts} gets one when a report is created and when its distinct
   * reporters reach {@code rule}'s number. None by default.
   *
   * @param alerts called on the reporting thread; it must queue the alert and return at once
   * @param rule when alerts are raised ({@link ReportAlertRule#DEFAULT}: on creation and at 3
   *     reporters)
   * @return this builder
   */
  public ChatBuilder reportAlerts(ReportAlerts alerts, ReportAlertRule rule) {
    this.contentModeration =
        contentModeration.withAlerts(
            Objects.requireNonNull(alerts, "alerts"), Objects.requireNonNull(rule, "rule"));
    return this;
  }

  /**
   * Whether players' calls count against the per-account token bucket of {@code limits} ({@code
   * rate_limit}), as HTTP requests do. Off by default: the host decides what its players may send
   * and usually has its own flood control; turn it on when players' input reaches the chat
   * unfiltered. Admin callers and waits are never counted.
   *
   * @param rateLimited true to apply the rate limit to players
   * @return this builder
   */
  public ChatBuilder rateLimited(boolean rateLimited) {
    this.rateLimited = rateLimited;
    return this;
  }

  /**
   * How long a player may stay idle before the maintenance takes it out of its global room.
   *
   * @param idleAfter at least ten seconds
   * @return this builder
   * @throws IllegalArgumentException when shorter than ten seconds
   */
  public ChatBuilder idleAfter(Duration idleAfter) {
    if (idleAfter.compareTo(Duration.ofSeconds(10)) < 0)
      throw new IllegalArgumentException("idleAfter must be at least 10 s");
    this.idleAfter = idleAfter;
    return this;
  }

  /**
   * Runs the maintenance on the host's scheduler instead of a default one. The chat never shuts it
   * down; closing the chat cancels the chat's runs on it.
   *
   * @param scheduler the host's scheduler
   * @return this builder
   */
  public ChatBuilder scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Optional.of(scheduler);
    this.manualMaintenance = false;
    return this;
  }

  /**
   * Schedules no maintenance: the host calls {@link Maintenance#runOnce()} itself (from its game
   * loop, or a test with a mutable clock).
   *
   * @return this builder
   */
  public ChatBuilder manualMaintenance() {
    this.manualMaintenance = true;
    this.scheduler = Optional.empty();
    return this;
  }

  /**
   * Whether closing the chat closes the storage (true by default: the factory made it).
   *
   * @param closeStorage false when the host shares the storage and closes it itself
   * @return this builder
   */
  public ChatBuilder closeStorage(boolean closeStorage) {
    this.closeStorage = closeStorage;
    return this;
  }

  /**
   * Who hears of what only the core sees: events delivered to waits, rate-limit refusals and bans
   * (to count them in the host's metrics, say). Nobody by default.
   *
   * @param observer quick, thread-safe and never throwing: it is called on the threads doing the
   *     work
   * @return this builder
   */
  public ChatBuilder observer(ChatObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    return this;
  }

  /**
   * Wires the core and starts its maintenance.
   *
   * @return a running chat; close it when the host stops
   */
  public Chat build() {
    ChatCore core =
        ChatCore.create(
            storage, limits, spamPolicy, Retention.defaults(), contentModeration, clock, observer);
    Maintenance maintenance =
        new Maintenance()
            .add(Maintenance.idleSweep(core.sweepIdlePlayers(), idleAfter))
            .add(new MaintenanceTask("janitor", JANITOR_EVERY, () -> core.janitor().run()));
    if (!manualMaintenance) {
      if (scheduler.isPresent()) maintenance.start(scheduler.get());
      else maintenance.start(1); // a thread of its own, shut down when the chat closes
    }
    Runnable onClose = closeStorage ? storage::close : () -> {};
    return new Chat(core, rateLimited, maintenance, onClose);
  }
}
