package dev.chatcore.application.account;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.account.Account;
import jakarta.inject.Inject;

/** The caller's own account. */
public final class GetMe {
  private final RegisterCaller register;

  @Inject
  public GetMe(RegisterCaller register) {
    this.register = register;
  }

  public Account me(Caller caller) {
    return register.register(caller);
  }
}
