package dev.chatcore.application.invite;

import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.invite.Invite;
import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.InviteRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a valid invite code into a new account. Unknown, used up, expired and revoked codes are
 * refused alike, so a client cannot learn which codes exist.
 */
public final class RedeemInvite {
  /** Longest display name. */
  public static final int DISPLAY_NAME_MAX_CHARS = 64;

  private final InviteRepository invites;
  private final AccountRepository accounts;
  private final EventLog events;
  private final IdGenerator ids;
  private final Clock clock;

  @Inject
  public RedeemInvite(
      InviteRepository invites,
      AccountRepository accounts,
      EventLog events,
      IdGenerator ids,
      Clock clock) {
    this.invites = invites;
    this.accounts = accounts;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * @param displayName 1-64 characters after trimming
   * @return the new account (admin when the invite grants it)
   * @throws InvalidInputException for a bad display name, or "code is not valid" for any code that
   *     cannot be redeemed
   */
  public Account redeem(String code, String displayName) {
    String name = displayName == null ? "" : displayName.strip();
    if (name.isEmpty() || name.length() > DISPLAY_NAME_MAX_CHARS) {
      throw new InvalidInputException(
          "display_name", "must be 1-" + DISPLAY_NAME_MAX_CHARS + " characters");
    }
    Instant now = clock.instant();
    Invite invite =
        (code == null ? Optional.<Invite>empty() : invites.redeem(code.strip(), now))
            .orElseThrow(() -> new InvalidInputException("code", "is not valid"));
    return accounts.register(
        new Account(ids.nextAccountId(), name, invite.grantsAdmin(), now, events.head()));
  }
}
