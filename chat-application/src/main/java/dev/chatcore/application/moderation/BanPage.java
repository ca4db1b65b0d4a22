package dev.chatcore.application.moderation;

import dev.chatcore.domain.moderation.Ban;
import java.util.List;

/**
 * A page of service-wide bans ({@link ListBans}).
 *
 * @param remaining how many bans follow this page
 */
public record BanPage(List<Ban> bans, long remaining) {
  public BanPage {
    bans = List.copyOf(bans);
  }
}
