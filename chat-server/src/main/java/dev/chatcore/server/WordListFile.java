package dev.chatcore.server;

import dev.chatcore.application.filter.WordList;
import dev.chatcore.application.filter.WordListFilter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The word list of {@code CHAT_FILTER_FILE} behind the content filter, reloaded when the file
 * changes: {@link #reloadIfChanged} compares the file's modification time, size and identity
 * (following symbolic links, so a Kubernetes ConfigMap's swapped link counts as a change) with the
 * last read, and reads it again only then. A file that cannot be read or parsed keeps the previous
 * list and logs one line, once per change of the file.
 */
public final class WordListFile {
  /** Largest file read (a 200,000-term list is about 4 MiB). */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(WordListFile.class.getName());

  private final Path path;
  private final WordListFilter filter;
  private Stamp stamp;

  /** What identifies one version of the file without reading it. */
  private record Stamp(Object fileKey, long modified, long size) {}

  private WordListFile(Path path, WordList list, Stamp stamp) {
    this.path = path;
    this.filter = new WordListFilter(list);
    this.stamp = stamp;
  }

  /**
   * Reads the file for the first time.
   *
   * @throws IllegalArgumentException naming what is wrong (the server refuses to start)
   */
  public static WordListFile load(Path path) {
    Stamp stamp = stampOf(path);
    return new WordListFile(path, read(path), stamp);
  }

  public Path path() {
    return path;
  }

  /** The filter over the current list; the same object across reloads. */
  public WordListFilter filter() {
    return filter;
  }

  /**
   * Reads the file again if it changed since the last read. Safe from any thread; checks run one at
   * a time.
   *
   * @return true when a new list took over
   */
  public synchronized boolean reloadIfChanged() {
    Stamp now;
    try {
      now = stampOf(path);
    } catch (IllegalArgumentException e) {
      now = new Stamp(null, -1, -1); // gone: one warning until it is back
      if (!now.equals(stamp)) warn(e.getMessage());
      stamp = now;
      return false;
    }
    if (now.equals(stamp)) return false;
    stamp = now;
    try {
      WordList list = read(path);
      filter.replace(list);
      LOG.info("CHAT_FILTER_FILE " + path + " reloaded: " + terms());
      return true;
    } catch (IllegalArgumentException e) {
      warn(e.getMessage());
      return false;
    }
  }

  private void warn(String problem) {
    LOG.warning(
        "CHAT_FILTER_FILE "
            + path
            + ": "
            + problem
            + "; keeping the previous list ("
            + terms()
            + ")");
  }

  /** "1 term", "5000 terms": the size of the current list, for log lines. */
  public String terms() {
    int n = filter.list().size();
    return n + (n == 1 ? " term" : " terms");
  }

  private static Stamp stampOf(Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) throw new IllegalArgumentException("not a regular file");
      return new Stamp(
          Objects.requireNonNullElse(attributes.fileKey(), path.toRealPath()),
          attributes.lastModifiedTime().toMillis(),
          attributes.size());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read it (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * @throws IllegalArgumentException for a file too large, not UTF-8, or with a bad line
   */
  private static WordList read(Path path) {
    try {
      if (Files.size(path) > MAX_BYTES)
        throw new IllegalArgumentException("larger than " + MAX_BYTES + " bytes");
      return WordList.parse(Files.readAllLines(path, StandardCharsets.UTF_8));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8 text", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read it (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
