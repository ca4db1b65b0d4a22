package dev.chatcore.application.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.port.ChatStorage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CheckReadinessTest {
  private final AtomicBoolean storageDown = new AtomicBoolean();

  /** A storage that answers unless {@link #storageDown}. */
  private final ChatStorage.Lifecycle storage =
      new ChatStorage.Lifecycle() {
        @Override
        public void checkReady() {
          if (storageDown.get()) throw new UnavailableException("timed out", null);
        }

        @Override
        public String kind() {
          return "test";
        }

        @Override
        public void close() {}
      };

  @Test
  void readyWhenStorageAnswersAndNoDependencyFails() {
    Readiness r = new CheckReadiness(storage, List.of()).with(List.of(Optional::empty)).check();
    assertEquals(Readiness.Status.READY, r.status());
  }

  @Test
  void aFailingDependencyDegradesButDoesNotFail() {
    Readiness r =
        new CheckReadiness(storage, List.of())
            .with(List.of(() -> Optional.of("auth_keys: down")))
            .check();
    assertEquals(Readiness.Status.DEGRADED, r.status());
    assertEquals(List.of("auth_keys: down"), r.degraded());
  }

  @Test
  void storageDownIsUnavailableWhateverTheDependenciesSay() {
    storageDown.set(true);
    Readiness r =
        new CheckReadiness(storage, List.of(() -> Optional.of("auth_keys: down"))).check();
    assertEquals(Readiness.Status.UNAVAILABLE, r.status());
    assertEquals(Optional.of("storage: timed out"), r.failure());
    assertEquals(List.of("auth_keys: down"), r.degraded());
  }
}
