package dev.chatcore.application.moderation;

import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.moderation.Offences;
import java.util.List;
import java.util.Optional;

/**
 * An account's record ({@link ReadBanHistory}): its bans newest first (at most {@link
 * ReadBanHistory#HISTORY_MAX}), the one stored now (in force or expired; empty after a lift), and
 * the offences behind automatic bans.
 */
public record BanHistory(List<Ban> bans, Optional<Ban> current, Offences offences) {
  public BanHistory {
    bans = List.copyOf(bans);
  }
}
