package dev.chatcore.application.moderation;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.port.BanRepository;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Admin: the service-wide bans by account id, a page at a time, or the one ban of an account. */
public final class ListBans {
  /**
   * @param account only this account's ban (a page of at most one), when present
   * @param page from 0
   * @param perPage bans per page
   */
  public record Query(Caller caller, Optional<AccountId> account, int page, int perPage) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(account, "account");
    }
  }

  private final BanRepository bans;

  @Inject
  public ListBans(BanRepository bans) {
    this.bans = bans;
  }

  /**
   * @return the page and how many bans follow it
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws InvalidInputException for a negative page
   */
  public BanPage list(Query query) {
    query.caller().requireAdmin();
    if (query.page() < 0) throw new InvalidInputException("page", "must be 0 or more");
    if (query.account().isPresent()) {
      return new BanPage(bans.find(query.account().get()).stream().toList(), 0);
    }
    long offset = (long) query.page() * query.perPage();
    List<Ban> found = bans.list((int) Math.min(offset, Integer.MAX_VALUE), query.perPage());
    return new BanPage(found, Math.max(0, bans.count() - offset - found.size()));
  }
}
