package dev.chatcore.domain.chat;

import dev.chatcore.domain.id.AccountId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The identity of a DM room: its exact member set, as the sorted distinct account ids joined by
 * commas. Two requests name the same DM exactly when their keys are equal.
 */
public record DmKey(String value) {
  public DmKey {
    if (value == null || value.isEmpty()) throw new IllegalArgumentException("empty DM key");
  }

  /** The key of a member set (order and duplicates do not matter). */
  public static DmKey of(Set<AccountId> members) {
    return new DmKey(
        new TreeSet<>(members).stream().map(AccountId::value).collect(Collectors.joining(",")));
  }

  /** The members the key names, sorted. */
  public List<AccountId> members() {
    return Arrays.stream(value.split(",")).map(AccountId::new).toList();
  }
}
