package dev.chatcore.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.testing.TestIds;
import example.game.GameChat;
import example.game.PlayerSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the example game server of {@code docs/embedding.md} ({@code example.game}), and checks that
 * the document's Java blocks are exactly those source files, so the guide cannot rot.
 */
class EmbeddingExampleTest {
  private static final Path EXAMPLE = Path.of("src/test/java/example/game");
  private static final Path GUIDE = Path.of("../docs/embedding.md");

  /** A socket that records what the game pushed to its player. */
  static final class RecordingSocket implements PlayerSocket {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @Override
    public void send(String line) {
      lines.add(line);
    }

    String next() throws InterruptedException {
      String line = lines.poll(10, TimeUnit.SECONDS);
      if (line == null) throw new AssertionError("nothing relayed within 10 s");
      return line;
    }
  }

  @Test
  void chatIsRelayedToEveryConnectedPlayer() throws Exception {
    AccountId ada = TestIds.account();
    AccountId bob = TestIds.account();
    RecordingSocket adaSocket = new RecordingSocket();
    RecordingSocket bobSocket = new RecordingSocket();
    try (GameChat game = new GameChat()) {
      game.connect(ada, "Ada", adaSocket);
      game.connect(bob, "Bob", bobSocket);
      game.say(ada, "  gl hf  ");
      assertEquals("Ada: gl hf", bobSocket.next());
      assertEquals("Ada: gl hf", adaSocket.next());
      game.say(bob, "you too");
      assertEquals("Bob: you too", adaSocket.next());
      assertEquals("Bob: you too", bobSocket.next());
    }
  }

  @Test
  void aRefusedLineGoesBackToItsSenderOnly() throws Exception {
    AccountId ada = TestIds.account();
    AccountId bob = TestIds.account();
    RecordingSocket adaSocket = new RecordingSocket();
    RecordingSocket bobSocket = new RecordingSocket();
    try (GameChat game = new GameChat()) {
      game.connect(ada, "Ada", adaSocket);
      game.connect(bob, "Bob", bobSocket);
      game.say(ada, "   ");
      assertTrue(adaSocket.next().startsWith("* content.text"), "the refusal names the field");
      game.say(bob, "ok");
      assertEquals("Bob: ok", adaSocket.next(), "nothing else reached Ada");
      assertEquals("Bob: ok", bobSocket.next(), "Bob never saw the refused line");
    }
  }

  @Test
  void aMutedPlayerIsToldAtOnceAndCannotSpeak() throws Exception {
    AccountId ada = TestIds.account();
    AccountId bob = TestIds.account();
    RecordingSocket adaSocket = new RecordingSocket();
    RecordingSocket bobSocket = new RecordingSocket();
    try (GameChat game = new GameChat()) {
      game.connect(ada, "Ada", adaSocket);
      game.connect(bob, "Bob", bobSocket);
      game.mute(ada, Duration.ofMinutes(5));
      assertEquals(
          "* account is banned", adaSocket.next(), "the held wait is answered with the ban");
      game.say(ada, "let me talk");
      assertEquals("* account is banned", adaSocket.next());
      game.say(bob, "quiet now");
      assertEquals("Bob: quiet now", bobSocket.next());
      assertNull(
          adaSocket.lines.poll(200, TimeUnit.MILLISECONDS), "a muted player receives nothing");
    }
  }

  @Test
  void aDisconnectedPlayerReceivesNothingMore() throws Exception {
    AccountId ada = TestIds.account();
    AccountId bob = TestIds.account();
    RecordingSocket adaSocket = new RecordingSocket();
    RecordingSocket bobSocket = new RecordingSocket();
    try (GameChat game = new GameChat()) {
      game.connect(ada, "Ada", adaSocket);
      game.connect(bob, "Bob", bobSocket);
      game.disconnect(ada);
      game.say(bob, "anyone?");
      assertEquals("Bob: anyone?", bobSocket.next());
      assertTrue(adaSocket.lines.isEmpty());
    }
  }

  @Test
  void theGuideShowsExactlyTheExampleCode() throws IOException {
    String guide = Files.readString(GUIDE);
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(guide);
    while (m.find()) blocks.add(m.group(1));
    List<String> sources;
    try (Stream<Path> files = Files.list(EXAMPLE)) {
      sources =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .sorted()
              .map(EmbeddingExampleTest::read)
              .toList();
    }
    assertEquals(2, sources.size(), "the example's files");
    for (String source : sources) {
      assertTrue(
          blocks.contains(source),
          "docs/embedding.md must show, as one ```java block, exactly:\n" + source);
    }
    List<String> extra =
        blocks.stream()
            .filter(b -> b.startsWith("package example.game;"))
            .filter(b -> !sources.contains(b))
            .toList();
    assertEquals(List.of(), extra, "example blocks of the guide that are not the example's code");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
