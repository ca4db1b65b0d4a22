package dev.chatcore.application.preferences;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.chat.Preferences;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.PayloadTooLargeException;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.PreferencesRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Replaces the caller's settings wholesale (no merge), at most {@link
 * Limits#preferencesMaxBytes()}.
 */
public final class UpdatePreferences {
  /**
   * @param settings the new object; empty when the client sent none
   */
  public record Command(Caller caller, Optional<JsonObjectText> settings) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(settings, "settings");
    }
  }

  private final PreferencesRepository preferences;
  private final IdGenerator ids;
  private final Limits limits;
  private final Clock clock;

  @Inject
  public UpdatePreferences(
      PreferencesRepository preferences, IdGenerator ids, Limits limits, Clock clock) {
    this.preferences = preferences;
    this.ids = ids;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * @throws InvalidInputException when {@code settings} is missing
   * @throws PayloadTooLargeException when it is larger than the limit
   */
  public Preferences update(Command command) {
    JsonObjectText settings =
        command
            .settings()
            .orElseThrow(
                () -> new InvalidInputException("settings", "is required (a JSON object)"));
    if (settings.sizeBytes() > limits.preferencesMaxBytes()) {
      throw new PayloadTooLargeException(
          "settings must be at most " + limits.preferencesMaxBytes() + " bytes");
    }
    return preferences.replace(command.caller().id(), settings, ids.next(), clock.instant());
  }
}
