package dev.chatcore.application.member;

import dev.chatcore.domain.id.AccountId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of a room's members, ordered by account id.
 *
 * @param next the {@code from} of the next page; empty exactly when no member follows
 */
public record MemberPage(List<MemberView> members, Optional<AccountId> next) {
  public MemberPage {
    members = List.copyOf(members);
    Objects.requireNonNull(next, "next");
  }
}
