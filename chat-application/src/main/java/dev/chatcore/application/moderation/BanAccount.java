package dev.chatcore.application.moderation;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.policy.FutureTimes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Admin: bans an account from the whole service, for a duration or permanently, replacing any ban
 * it has. The ban bites at once on this node and answers the account's held syncs ({@link
 * BanChange}).
 */
public final class BanAccount {
  /** Longest reason kept. */
  public static final int REASON_MAX_CHARS = 500;

  /**
   * @param duration empty for a permanent ban; otherwise from one second to 100 years
   * @param reason shown to the banned account; {@code null} is no reason
   */
  public record Command(
      Caller caller, AccountId account, Optional<Duration> duration, String reason) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(duration, "duration");
    }
  }

  private final BanChange change;
  private final Clock clock;

  @Inject
  public BanAccount(BanChange change, Clock clock) {
    this.change = change;
    this.clock = clock;
  }

  /**
   * @return the ban stored
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws InvalidInputException for a duration out of range or a reason too long
   */
  public Ban ban(Command command) {
    Caller admin = command.caller();
    admin.requireAdmin();
    command.duration().ifPresent(d -> FutureTimes.duration(d, "duration"));
    String why = command.reason() == null ? "" : command.reason().strip();
    if (why.length() > REASON_MAX_CHARS)
      throw new InvalidInputException(
          "reason", "must be at most " + REASON_MAX_CHARS + " characters");
    Instant now = clock.instant();
    Ban ban =
        new Ban(
            command.account(),
            command.duration().map(now::plus),
            why,
            false,
            now,
            Optional.of(admin.id()));
    change.issue(ban);
    return ban;
  }
}
