package dev.chatcore.application.invite;

import dev.chatcore.domain.invite.Invite;
import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.InviteRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * On a store with no admin yet, makes a one-time invite that creates the first admin account (the
 * server prints it at start). Once an admin exists it does nothing.
 */
public final class BootstrapAdmin {
  /** How long the first-admin invite stays valid. */
  public static final Duration LIFETIME = Duration.ofDays(7);

  private final AccountRepository accounts;
  private final InviteRepository invites;
  private final Clock clock;

  @Inject
  public BootstrapAdmin(AccountRepository accounts, InviteRepository invites, Clock clock) {
    this.accounts = accounts;
    this.invites = invites;
    this.clock = clock;
  }

  /** The admin invite to print, or empty when an admin account exists. */
  public Optional<Invite> adminInvite() {
    if (accounts.anyAdmin()) return Optional.empty();
    Instant now = clock.instant();
    Optional<Invite> pending =
        invites.list().stream().filter(i -> i.grantsAdmin() && i.isRedeemable(now)).findFirst();
    if (pending.isPresent()) return pending;
    Invite invite =
        new Invite(InviteCodes.next(), 1, now.plus(LIFETIME), false, true, Optional.empty(), now);
    invites.save(invite);
    return Optional.of(invite);
  }
}
