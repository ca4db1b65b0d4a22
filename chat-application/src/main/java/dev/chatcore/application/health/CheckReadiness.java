package dev.chatcore.application.health;

import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Asks the storage whether it answers, and the other {@link Dependency dependencies} what they last
 * observed. Storage down makes the node unavailable (nothing works without it); a failing
 * dependency only degrades it, because the node still serves (a load balancer that pulled every
 * node over one shared dependency would turn a partial outage into a total one).
 */
public final class CheckReadiness {
  private final ChatStorage.Lifecycle storage;
  private final List<Dependency> dependencies;

  /**
   * @param dependencies what else to ask (none: the storage only)
   */
  @Inject
  public CheckReadiness(ChatStorage.Lifecycle storage, List<Dependency> dependencies) {
    this.storage = storage;
    this.dependencies = List.copyOf(dependencies);
  }

  /** The same check that also asks {@code more} (an adapter's own dependencies). */
  public CheckReadiness with(Collection<? extends Dependency> more) {
    List<Dependency> all = new ArrayList<>(dependencies);
    all.addAll(more);
    return new CheckReadiness(storage, all);
  }

  public Readiness check() {
    List<String> degraded = new ArrayList<>();
    for (Dependency dependency : dependencies) dependency.problem().ifPresent(degraded::add);
    return new Readiness(storageFailure(), degraded);
  }

  private Optional<String> storageFailure() {
    try {
      storage.checkReady();
      return Optional.empty();
    } catch (UnavailableException e) {
      return Optional.of("storage: " + e.getMessage());
    }
  }
}
