package dev.chatcore.server.di;

import dev.chatcore.server.ChatServer;

/** What every storage's component gives {@code Main}: the assembled server. */
public interface ServerComponent {
  ChatServer server();
}
