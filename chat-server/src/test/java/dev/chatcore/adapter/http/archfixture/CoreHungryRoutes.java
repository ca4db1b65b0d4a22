package dev.chatcore.adapter.http.archfixture;

import dev.chatcore.application.ChatCore;

/** Breaks {@code routesTakeTheirUseCases}: a route class that pulls its use cases from the core. */
public final class CoreHungryRoutes {
  private final ChatCore core;

  public CoreHungryRoutes(ChatCore core) {
    this.core = core;
  }

  public Object limits() {
    return core.limits();
  }
}
