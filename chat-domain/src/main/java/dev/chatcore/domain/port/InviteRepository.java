package dev.chatcore.domain.port;

import dev.chatcore.domain.invite.Invite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Invite codes. Thread-safe. */
public interface InviteRepository {

  void save(Invite invite);

  Optional<Invite> find(String code);

  /** Every invite, newest first. */
  List<Invite> list();

  /**
   * Uses the code once: atomically decrements {@code usesLeft} when the invite is redeemable at
   * {@code now}. Returns the invite as it was before this use; empty when it is not redeemable
   * (unknown, used up, expired, revoked). Concurrent redemptions never exceed the uses.
   */
  Optional<Invite> redeem(String code, Instant now);

  /** Revokes the code; false when it does not exist. */
  boolean revoke(String code);
}
