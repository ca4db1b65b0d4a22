package dev.chatcore.application.chat;

import dev.chatcore.application.Caller;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.globalroom.PlaceInGlobalRoom;
import dev.chatcore.domain.account.Account;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * What every Chat V2 request of a player does first: register the account, record activity (which
 * keeps it in its global room) and guarantee its one global room. Admins are registered only: no
 * activity, never placed.
 */
public final class AdmitPlayer {
  private final RegisterCaller register;
  private final PlaceInGlobalRoom place;
  private final Clock clock;

  @Inject
  public AdmitPlayer(RegisterCaller register, PlaceInGlobalRoom place, Clock clock) {
    this.register = register;
    this.place = place;
    this.clock = clock;
  }

  public Account admit(Caller caller) {
    Account account = register.register(caller);
    if (caller.admin()) return account;
    place.placeActive(caller.id(), clock.instant());
    return account;
  }
}
