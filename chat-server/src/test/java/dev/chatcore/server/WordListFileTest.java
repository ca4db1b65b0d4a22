package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.moderation.FilterVerdict;
import dev.chatcore.domain.moderation.ReportAlertRule;
import dev.chatcore.domain.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CHAT_FILTER_FILE} is reloaded on change; a broken or missing file keeps the previous list.
 */
class WordListFileTest {
  @TempDir Path dir;
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Logger log = Logger.getLogger(WordListFile.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue())
            warnings.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Instant time = Instant.parse("2026-01-01T00:00:00Z");

  @BeforeEach
  void listen() {
    log.addHandler(capture);
  }

  @AfterEach
  void stop() {
    log.removeHandler(capture);
  }

  /**
   * Writes the file with a modification time one minute after the last write (file systems round
   * times).
   */
  private Path write(Path file, String content) throws Exception {
    Files.writeString(file, content);
    time = time.plus(Duration.ofMinutes(1));
    Files.setLastModifiedTime(file, FileTime.from(time));
    return file;
  }

  private static FilterVerdict check(WordListFile file, String text) {
    return file.filter().check(null, null, text);
  }

  @Test
  void aChangedFileIsReloadedAndAnUnchangedOneIsNot() throws Exception {
    Path path = write(dir.resolve("words.txt"), "darn mask\n");
    WordListFile file = WordListFile.load(path);
    assertEquals(new FilterVerdict.Mask("****"), check(file, "darn"));
    assertFalse(file.reloadIfChanged(), "nothing changed");

    write(path, "darn reject:rude\nheck mask\n");
    assertTrue(file.reloadIfChanged());
    assertEquals(new FilterVerdict.Reject("rude"), check(file, "darn"));
    assertEquals(new FilterVerdict.Mask("****"), check(file, "heck"));
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  @Test
  void aBrokenFileKeepsThePreviousListAndLogsOneLine() throws Exception {
    Path path = write(dir.resolve("words.txt"), "darn mask\n");
    WordListFile file = WordListFile.load(path);
    write(path, "darn mask\nheck rejct\n");
    assertFalse(file.reloadIfChanged());
    assertFalse(file.reloadIfChanged(), "checked again: the same broken file");
    assertEquals(new FilterVerdict.Mask("****"), check(file, "darn"), "the previous list stays");
    assertEquals(
        List.of(
            "CHAT_FILTER_FILE "
                + path
                + ": line 2: unknown action \"rejct\" (expected mask, flag or "
                + "reject); keeping the previous list (1 term)"),
        warnings,
        "one line, once");

    write(path, "darn mask\nheck reject\n");
    assertTrue(file.reloadIfChanged(), "fixed: taken");
    assertEquals(new FilterVerdict.Reject("blocked_word"), check(file, "heck"));
  }

  @Test
  void aMissingFileKeepsThePreviousListUntilItIsBack() throws Exception {
    Path path = write(dir.resolve("words.txt"), "darn mask\n");
    WordListFile file = WordListFile.load(path);
    Files.delete(path);
    assertFalse(file.reloadIfChanged());
    assertFalse(file.reloadIfChanged());
    assertEquals(1, warnings.size(), warnings.toString());
    assertEquals(new FilterVerdict.Mask("****"), check(file, "darn"));
    write(path, "darn flag\n");
    assertTrue(file.reloadIfChanged());
    assertEquals(new FilterVerdict.Flag("darn", "flagged_word"), check(file, "darn"));
  }

  @Test
  void theServerChecksTheFileOnItsSchedule() throws Exception {
    Path path = write(dir.resolve("words.txt"), "darn mask\n");
    ModerationConfig config =
        new ModerationConfig(
            Optional.of(path), Duration.ofSeconds(1), Optional.empty(), ReportAlertRule.DEFAULT);
    try (ServerModeration moderation = new ServerModeration(config, Clock.systemUTC())) {
      moderation.start();
      WordListFile file = moderation.wordList().orElseThrow();
      write(path, "darn reject\n");
      // the schedule checks every second: wait for the check, not for a time
      Await.until(
          () -> check(file, "darn") instanceof FilterVerdict.Reject, () -> "the scheduled reload");
      assertEquals(new FilterVerdict.Reject("blocked_word"), check(file, "darn"));
      assertTrue(moderation.describe().contains("1 term,"), moderation.describe());
    }
  }
}
