package dev.chatcore.application.moderation;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.BanRepository;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Admin: an account's record, by which moderators judge repeat offenders: its bans, the one stored
 * now, and the offences behind automatic bans.
 */
public final class ReadBanHistory {
  /** Most bans a history returns. */
  public static final int HISTORY_MAX = 50;

  public record Query(Caller caller, AccountId account) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(account, "account");
    }
  }

  private final BanRepository bans;

  @Inject
  public ReadBanHistory(BanRepository bans) {
    this.bans = bans;
  }

  /**
   * @return the history, newest ban first
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   */
  public BanHistory read(Query query) {
    query.caller().requireAdmin();
    AccountId account = query.account();
    return new BanHistory(
        bans.history(account, HISTORY_MAX), bans.find(account), bans.offences(account));
  }
}
