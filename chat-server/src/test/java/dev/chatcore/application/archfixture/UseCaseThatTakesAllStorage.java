package dev.chatcore.application.archfixture;

import dev.chatcore.domain.port.ChatStorage;

/** Breaks {@code useCasesTakeOnlyTheirPorts}: it takes the whole storage to use one port. */
public final class UseCaseThatTakesAllStorage {
  private final ChatStorage storage;

  public UseCaseThatTakesAllStorage(ChatStorage storage) {
    this.storage = storage;
  }

  public long rooms() {
    return storage.rooms().hashCode();
  }
}
