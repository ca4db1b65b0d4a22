package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AccountRepository} must have. */
public abstract class AccountRepositoryContract {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  protected abstract AccountRepository newAccountRepository();

  @Test
  void firstRegistrationWinsAndLaterOnesUpdateNameAndAdmin() {
    AccountRepository accounts = newAccountRepository();
    AccountId id = TestIds.account();
    Account first = accounts.register(new Account(id, "Ada", false, T, new EventId(3)));
    Account again =
        accounts.register(new Account(id, "Ada L.", true, T.plusSeconds(60), new EventId(9)));
    assertEquals("Ada", first.displayName());
    assertEquals("Ada L.", again.displayName());
    assertTrue(again.admin());
    assertEquals(T, again.firstSeen(), "first sight never moves");
    assertEquals(new EventId(3), again.firstSeenEvent());
    Account unnamed = accounts.register(new Account(id, "", true, T, new EventId(3)));
    assertEquals("Ada L.", unnamed.displayName(), "an empty name keeps the stored one");
    assertEquals(Optional.of(unnamed), accounts.find(id));
  }

  @Test
  void countsListsAndKnowsAboutAdmins() {
    AccountRepository accounts = newAccountRepository();
    assertFalse(accounts.anyAdmin());
    AccountId a = new AccountId("000000000000000000000b01");
    AccountId b = new AccountId("000000000000000000000b02");
    accounts.register(new Account(b, "b", true, T, EventId.ORIGIN));
    accounts.register(new Account(a, "a", false, T, EventId.ORIGIN));
    assertEquals(2, accounts.count());
    assertTrue(accounts.anyAdmin());
    assertEquals(
        List.of(a, b), accounts.list(Optional.empty(), 10).stream().map(Account::id).toList());
    assertEquals(List.of(b), accounts.list(Optional.of(a), 10).stream().map(Account::id).toList());
  }
}
