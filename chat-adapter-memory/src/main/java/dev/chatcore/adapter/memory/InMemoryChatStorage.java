package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.port.EventFeed;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.InviteRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.RoomRepository;

/** Every port in memory: everything works, nothing survives a restart. */
public final class InMemoryChatStorage implements ChatStorage {
  private final AccountRepository accounts = new InMemoryAccountRepository();
  private final RoomRepository rooms = new InMemoryRoomRepository();
  private final MembershipRepository memberships = new InMemoryMembershipRepository();
  private final EventLog events = new InMemoryEventLog();
  private final InviteRepository invites = new InMemoryInviteRepository();
  private final EventFeed feed = new InMemoryEventFeed();

  @Override
  public AccountRepository accounts() {
    return accounts;
  }

  @Override
  public RoomRepository rooms() {
    return rooms;
  }

  @Override
  public MembershipRepository memberships() {
    return memberships;
  }

  @Override
  public EventLog events() {
    return events;
  }

  @Override
  public InviteRepository invites() {
    return invites;
  }

  @Override
  public EventFeed feed() {
    return feed;
  }

  @Override
  public void checkReady() {
    // memory always answers
  }

  @Override
  public String kind() {
    return "memory";
  }

  @Override
  public void close() {
    feed.close();
  }
}
