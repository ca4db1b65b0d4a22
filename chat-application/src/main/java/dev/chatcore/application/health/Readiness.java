package dev.chatcore.application.health;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CheckReadiness} found.
 *
 * @param failure why the node cannot serve (its storage does not answer); empty when it can
 * @param degraded problems of {@link Dependency dependencies} the node serves without for now
 */
public record Readiness(Optional<String> failure, List<String> degraded) {
  /** {@code ready}, {@code degraded} (serving, with problems) or {@code unavailable}. */
  public enum Status {
    READY,
    DEGRADED,
    UNAVAILABLE
  }

  public Readiness {
    Objects.requireNonNull(failure, "failure");
    degraded = List.copyOf(degraded);
  }

  public Status status() {
    if (failure.isPresent()) return Status.UNAVAILABLE;
    return degraded.isEmpty() ? Status.READY : Status.DEGRADED;
  }
}
