package dev.chatcore.adapter.memory;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.moderation.Offences;
import dev.chatcore.domain.port.BanRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Bans in a sorted concurrent map; histories and offences beside them. */
public final class InMemoryBanRepository implements BanRepository {
  private final NavigableMap<AccountId, Ban> bans = new ConcurrentSkipListMap<>();

  /** Each account's bans in the order they were put; a list is guarded by itself. */
  private final Map<AccountId, List<Ban>> histories = new ConcurrentHashMap<>();

  private final Map<AccountId, Offences> offences = new ConcurrentHashMap<>();

  @Override
  public void put(Ban ban) {
    bans.put(ban.account(), ban);
    List<Ban> history = histories.computeIfAbsent(ban.account(), a -> new ArrayList<>());
    synchronized (history) {
      history.add(ban);
    }
  }

  @Override
  public List<Ban> history(AccountId account, int limit) {
    List<Ban> history = histories.getOrDefault(account, List.of());
    List<Ban> newestFirst;
    synchronized (history) {
      newestFirst = new ArrayList<>(history);
    }
    Collections.reverse(newestFirst);
    // stable: bans put in one instant stay newest-put first
    newestFirst.sort(Comparator.comparing(Ban::createdOn).reversed());
    return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
  }

  @Override
  public Optional<Ban> find(AccountId account) {
    return Optional.ofNullable(bans.get(account));
  }

  @Override
  public boolean remove(AccountId account) {
    return bans.remove(account) != null;
  }

  @Override
  public List<Ban> list(int offset, int limit) {
    return bans.values().stream().skip(offset).limit(limit).toList();
  }

  @Override
  public long count() {
    return bans.size();
  }

  @Override
  public Offences offences(AccountId account) {
    return offences.getOrDefault(account, Offences.NONE);
  }

  @Override
  public void putOffences(AccountId account, Offences record) {
    offences.put(account, record);
  }

  /** Removes each expired ban only if it is still the stored one (a fresh ban is never lost). */
  @Override
  public int purgeExpired(Instant now, int limit) {
    int purged = 0;
    for (Ban ban : bans.values()) {
      if (purged == limit) break;
      if (ban.until().isPresent() && !ban.isActive(now) && bans.remove(ban.account(), ban))
        purged++;
    }
    return purged;
  }
}
