package dev.chatcore.application.preferences;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.chat.Preferences;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.port.PreferencesRepository;
import jakarta.inject.Inject;
import java.time.Clock;

/** The caller's preferences; the first read creates an empty record, no read ever changes it. */
public final class GetPreferences {
  private final PreferencesRepository preferences;
  private final IdGenerator ids;
  private final Clock clock;

  @Inject
  public GetPreferences(PreferencesRepository preferences, IdGenerator ids, Clock clock) {
    this.preferences = preferences;
    this.ids = ids;
    this.clock = clock;
  }

  public Preferences get(Caller caller) {
    return preferences.findOrCreate(caller.id(), ids.next(), clock.instant());
  }
}
