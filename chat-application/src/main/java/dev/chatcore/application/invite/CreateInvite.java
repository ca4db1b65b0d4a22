package dev.chatcore.application.invite;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.invite.Invite;
import dev.chatcore.domain.port.InviteRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Admin: makes an invite code that creates up to {@code uses} accounts before it expires. */
public final class CreateInvite {
  /** Largest number of uses of one code. */
  public static final int MAX_USES = 10_000;

  /** Longest lifetime of a code. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(365);

  private final InviteRepository invites;
  private final Clock clock;

  @Inject
  public CreateInvite(InviteRepository invites, Clock clock) {
    this.invites = invites;
    this.clock = clock;
  }

  /**
   * @param uses 1..{@value #MAX_USES}
   * @param lifetime 1 s .. 365 days
   */
  public Invite create(Caller caller, int uses, Duration lifetime) {
    caller.requireAdmin();
    if (uses < 1 || uses > MAX_USES)
      throw new InvalidInputException("uses", "must be 1-" + MAX_USES);
    if (lifetime.toSeconds() < 1 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new InvalidInputException(
          "expires_in_s", "must be 1-" + MAX_LIFETIME.toSeconds() + " seconds");
    }
    Instant now = clock.instant();
    Invite invite =
        new Invite(
            InviteCodes.next(),
            uses,
            now.plus(lifetime),
            false,
            false,
            Optional.of(caller.id()),
            now);
    invites.save(invite);
    return invite;
  }
}
