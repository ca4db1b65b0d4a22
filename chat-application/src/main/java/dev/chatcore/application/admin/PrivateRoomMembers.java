package dev.chatcore.application.admin;

import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The member list an admin gives a private room ({@link CreatePrivateRoom}, {@link
 * UpdatePrivateRoom}).
 */
final class PrivateRoomMembers {
  private PrivateRoomMembers() {}

  /**
   * The distinct accounts of {@code raw}, in id order.
   *
   * @throws InvalidInputException for a bad id, or fewer than {@code min} or more than {@code
   *     capacity} distinct accounts
   */
  static Set<AccountId> parse(List<String> raw, int min, int capacity) {
    Set<AccountId> out = new TreeSet<>();
    for (String id : raw) out.add(AccountId.parse(id, "accountIds"));
    if (out.size() < min || out.size() > capacity) {
      throw new InvalidInputException(
          "accountIds", "must name " + min + " to " + capacity + " distinct accounts");
    }
    return out;
  }
}
