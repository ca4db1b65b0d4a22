package dev.chatcore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server JVM's used heap after a forced full GC, through {@code jcmd <pid> GC.run} and {@code
 * jcmd <pid> GC.heap_info}, with the jcmd of the JDK this bench runs on.
 */
final class Jcmd {
  /** "garbage-first heap total reserved 524288K, committed 524288K, used 12345K" and the like. */
  private static final Pattern TOTAL_USED = Pattern.compile("\\btotal\\b.*?\\bused (\\d+)([KMG])");

  /** ZGC: " ZHeap used 30M, capacity 512M, max capacity 512M". */
  private static final Pattern ZGC_USED = Pattern.compile("ZHeap\\s+used (\\d+)([KMG])");

  private Jcmd() {}

  static Path executable() {
    Path p = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    return Files.isExecutable(p) ? p : Path.of("jcmd");
  }

  /** Forces a GC, then returns the used heap in KiB; throws when jcmd fails. */
  static long usedHeapKibAfterGc(long pid) throws IOException, InterruptedException {
    run(pid, "GC.run");
    return parseUsedKib(run(pid, "GC.heap_info"));
  }

  static long parseUsedKib(String heapInfo) {
    long total = 0;
    boolean found = false;
    for (String line : heapInfo.split("\n")) {
      if (line.contains("Metaspace") || line.contains("class space")) continue;
      Matcher m = TOTAL_USED.matcher(line);
      if (!m.find()) m = ZGC_USED.matcher(line);
      else m.reset();
      if (m.find()) {
        total += kib(Long.parseLong(m.group(1)), m.group(2));
        found = true;
      }
    }
    if (!found)
      throw new IllegalArgumentException("no used-heap figure in GC.heap_info output: " + heapInfo);
    return total;
  }

  private static long kib(long v, String unit) {
    return switch (unit) {
      case "M" -> v * 1024;
      case "G" -> v * 1024 * 1024;
      default -> v;
    };
  }

  private static String run(long pid, String command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(executable().toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("jcmd " + command + " timed out");
    }
    if (p.exitValue() != 0)
      throw new IOException("jcmd " + pid + " " + command + " failed: " + out.strip());
    return out;
  }
}
