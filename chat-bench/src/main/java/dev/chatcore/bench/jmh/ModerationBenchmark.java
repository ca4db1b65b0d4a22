package dev.chatcore.bench.jmh;

import dev.chatcore.adapter.memory.InMemoryChatStorage;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.application.moderation.AutomaticBans;
import dev.chatcore.application.moderation.BanChange;
import dev.chatcore.application.moderation.BanGate;
import dev.chatcore.application.moderation.RateLimiter;
import dev.chatcore.application.moderation.SpamGuard;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What moderation adds to a request's hot path: the ban lookup and the token bucket (every counted
 * request), and the spam check (every message). Keys rotate over {@link #ACCOUNTS} accounts so the
 * caches see a realistic spread, not one hot key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ModerationBenchmark {
  static final int ACCOUNTS = 100_000;

  private ChatCore core;
  private BanGate bans;
  private RateLimiter limiter;
  private SpamGuard spam;
  private AccountId[] accounts;
  private String[] keys;
  private RoomId room;
  private EventContent.Message[] messages;
  private int next;
  private int round;

  @Setup(Level.Trial)
  public void setUp() {
    Clock clock = Clock.systemUTC();
    // a bucket that never empties: the benchmark measures the check, not refusals
    Limits limits = Limits.defaults().withRateLimit(1_000_000, 1_000_000);
    ChatStorage storage = InMemoryChatStorage.create(clock);
    core = ChatCore.create(storage, limits, clock);
    bans = core.banGate();
    limiter = core.rateLimiter();
    SpamPolicy policy = SpamPolicy.defaults();
    BanChange banChange = new BanChange(storage.bans(), bans, core.syncWaiter(), ChatObserver.NONE);
    spam =
        new SpamGuard(policy, clock, new AutomaticBans(storage.bans(), banChange, policy, clock));
    IdGenerator ids = new IdGenerator(clock);
    accounts = new AccountId[ACCOUNTS];
    keys = new String[ACCOUNTS];
    for (int i = 0; i < ACCOUNTS; i++) {
      accounts[i] = ids.nextAccountId();
      keys[i] = accounts[i].value();
    }
    room = ids.nextRoomId();
    messages = new EventContent.Message[1024];
    for (int i = 0; i < messages.length; i++) {
      messages[i] =
          new EventContent.Message(
              "message number " + i + " about the raid tonight", Optional.empty());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    core.close();
  }

  private int nextIndex() {
    int i = next + 1;
    if (i == ACCOUNTS) {
      i = 0;
      round++;
    }
    next = i;
    return i;
  }

  /** A text that an account sees again only every 1024 visits: never spam. */
  private EventContent.Message message(int i) {
    return messages[(i + round) & 1023];
  }

  /** The ban lookup and the token bucket of one request. */
  @Benchmark
  public void requestGate() {
    int i = nextIndex();
    bans.requireNotBanned(accounts[i]);
    limiter.acquire(keys[i]);
  }

  /** The spam check of one message (never spam here: each account's texts rotate). */
  @Benchmark
  public void spamCheck() {
    int i = nextIndex();
    spam.check(accounts[i], room, message(i));
  }

  /** Everything moderation adds to one posted message. */
  @Benchmark
  public void gateAndSpamCheck() {
    int i = nextIndex();
    bans.requireNotBanned(accounts[i]);
    limiter.acquire(keys[i]);
    spam.check(accounts[i], room, message(i));
  }
}
