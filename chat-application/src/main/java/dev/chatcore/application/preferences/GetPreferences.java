package dev.chatcore.application.preferences;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.chat.Preferences;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;
import java.time.Clock;

/** The caller's preferences; the first read creates an empty record, no read ever changes it. */
public final class GetPreferences {
  private final ChatStorage storage;
  private final IdGenerator ids;
  private final Clock clock;

  @Inject
  public GetPreferences(ChatStorage storage, IdGenerator ids, Clock clock) {
    this.storage = storage;
    this.ids = ids;
    this.clock = clock;
  }

  public Preferences get(Caller caller) {
    return storage.preferences().findOrCreate(caller.id(), ids.next(), clock.instant());
  }
}
