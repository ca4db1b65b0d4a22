package example.game;

/** The game's own connection to one player: it can push a line of text to the client. */
public interface PlayerSocket {
  /** Queues a line for the client; must not block (it runs on a chat callback). */
  void send(String line);
}
