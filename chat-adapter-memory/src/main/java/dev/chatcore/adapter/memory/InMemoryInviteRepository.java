package dev.chatcore.adapter.memory;

import dev.chatcore.domain.invite.Invite;
import dev.chatcore.domain.port.InviteRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Invites in a concurrent map; redemption is an atomic compute. */
public final class InMemoryInviteRepository implements InviteRepository {
  private final Map<String, Invite> invites = new ConcurrentHashMap<>();

  @Override
  public void save(Invite invite) {
    invites.put(invite.code(), invite);
  }

  @Override
  public Optional<Invite> find(String code) {
    return Optional.ofNullable(invites.get(code));
  }

  @Override
  public List<Invite> list() {
    return invites.values().stream()
        .sorted(Comparator.comparing(Invite::createdAt).reversed())
        .toList();
  }

  @Override
  public Optional<Invite> redeem(String code, Instant now) {
    Invite[] before = new Invite[1];
    invites.computeIfPresent(
        code,
        (c, invite) -> {
          if (!invite.isRedeemable(now)) return invite;
          before[0] = invite;
          return new Invite(
              c,
              invite.usesLeft() - 1,
              invite.expiresAt(),
              invite.revoked(),
              invite.grantsAdmin(),
              invite.createdBy(),
              invite.createdAt());
        });
    return Optional.ofNullable(before[0]);
  }

  @Override
  public boolean revoke(String code) {
    return invites.computeIfPresent(
            code,
            (c, i) ->
                new Invite(
                    c,
                    i.usesLeft(),
                    i.expiresAt(),
                    true,
                    i.grantsAdmin(),
                    i.createdBy(),
                    i.createdAt()))
        != null;
  }
}
