package dev.chatcore.adapter.memory;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.ActivityRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Last activity per account in a concurrent map; touches and removals are atomic computes. */
public final class InMemoryActivityRepository implements ActivityRepository {
  private final Map<AccountId, Instant> lastActive = new ConcurrentHashMap<>();

  @Override
  public void touch(AccountId account, Instant at) {
    lastActive.merge(account, at, (old, now) -> now.isAfter(old) ? now : old);
  }

  @Override
  public Optional<Instant> lastActive(AccountId account) {
    return Optional.ofNullable(lastActive.get(account));
  }

  @Override
  public List<AccountId> idleSince(Instant cutoff, int limit) {
    return lastActive.entrySet().stream()
        .filter(e -> e.getValue().isBefore(cutoff))
        .sorted(
            Map.Entry.<AccountId, Instant>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public boolean forgetIfIdle(AccountId account, Instant cutoff) {
    boolean[] removed = new boolean[1];
    lastActive.computeIfPresent(
        account,
        (k, at) -> {
          if (!at.isBefore(cutoff)) return at;
          removed[0] = true;
          return null;
        });
    return removed[0];
  }
}
