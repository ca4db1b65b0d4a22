package dev.chatcore.application.health;

import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;
import java.util.Optional;

/** Asks the storage whether it answers. */
public final class CheckReadiness {
  private final ChatStorage storage;

  @Inject
  public CheckReadiness(ChatStorage storage) {
    this.storage = storage;
  }

  /** Empty when ready; otherwise which check failed and why. */
  public Optional<String> failure() {
    try {
      storage.checkReady();
      return Optional.empty();
    } catch (UnavailableException e) {
      return Optional.of("storage: " + e.getMessage());
    }
  }
}
