package dev.chatcore.application.moderation;

import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.moderation.Offences;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.port.BanRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The ladder behind automatic bans ({@link SpamGuard}): each offence, counted in the account's
 * offence record and forgiven as the policy decays, bans for the policy's next step, never
 * permanently.
 */
public final class AutomaticBans {
  private final BanRepository bans;
  private final BanChange change;
  private final SpamPolicy policy;
  private final Clock clock;

  @Inject
  public AutomaticBans(BanRepository bans, BanChange change, SpamPolicy policy, Clock clock) {
    this.bans = bans;
    this.change = change;
    this.policy = policy;
    this.clock = clock;
  }

  /** Issues the next automatic ban of the ladder; returns the refusal to throw. */
  BannedException issueNext(AccountId account, String reason) {
    Instant now = clock.instant();
    Offences offences = bans.offences(account).plusOne(now, policy.decay());
    bans.putOffences(account, offences);
    Duration length = policy.banFor(offences.count());
    Ban ban =
        new Ban(
            account,
            Optional.of(now.plus(length)),
            reason + " (automatic, offence " + offences.count() + ")",
            true,
            now,
            Optional.empty());
    change.issue(ban);
    return new BannedException(ban.until().orElseThrow(), ban.reason());
  }
}
