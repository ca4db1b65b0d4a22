package dev.chatcore.domain.id;

/** An account (user, player or admin): 24 lower-case hex characters. */
public record AccountId(String value) implements Comparable<AccountId> {
  public AccountId {
    value = HexIds.normalize(value, "account_id");
  }

  /** Parses an id supplied in the input field {@code field}. */
  public static AccountId parse(String value, String field) {
    return new AccountId(HexIds.normalize(value, field));
  }

  @Override
  public int compareTo(AccountId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
