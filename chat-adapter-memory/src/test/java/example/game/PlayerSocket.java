package example.game;

/** The game's own connection to one player: it can push a line of text to the client. */
public interface PlayerSocket {
  void send(String line);
}
