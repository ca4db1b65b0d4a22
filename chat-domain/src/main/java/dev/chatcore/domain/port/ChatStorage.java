package dev.chatcore.domain.port;

import dev.chatcore.domain.error.UnavailableException;

/** Everything the core stores, as one unit that an adapter provides and closes. */
public interface ChatStorage extends AutoCloseable {

  AccountRepository accounts();

  RoomRepository rooms();

  MembershipRepository memberships();

  EventLog events();

  InviteRepository invites();

  /** Cross-node change notifications; a no-op feed ({@code local}) for single-process stores. */
  EventFeed feed();

  /**
   * Asks the store whether it answers.
   *
   * @throws UnavailableException when it does not
   */
  void checkReady();

  /** A short name of the storage for logs and {@code /.well-known}, e.g. {@code memory}. */
  String kind();

  @Override
  void close();
}
