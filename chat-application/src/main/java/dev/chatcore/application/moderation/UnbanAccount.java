package dev.chatcore.application.moderation;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.AccountId;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Admin: lifts an account's service-wide ban, manual or automatic. The offence record behind
 * automatic bans stays: the ladder decays on its own clock.
 */
public final class UnbanAccount {
  public record Command(Caller caller, AccountId account) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(account, "account");
    }
  }

  private final BanChange change;

  @Inject
  public UnbanAccount(BanChange change) {
    this.change = change;
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws NotFoundException when the account has no ban
   */
  public void unban(Command command) {
    command.caller().requireAdmin();
    if (!change.lift(command.account())) throw new NotFoundException("no ban for that account");
  }
}
