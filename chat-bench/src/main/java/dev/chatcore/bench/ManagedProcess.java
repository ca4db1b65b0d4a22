package dev.chatcore.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server this bench started as a subprocess: waits (bounded) for its readiness line on stdout,
 * copies all of its output to a log file, and stops it with destroy, then destroyForcibly after 5
 * s. Every started process is registered so that the watchdog and the shutdown hook can stop it
 * too.
 */
final class ManagedProcess implements AutoCloseable {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  private final Process process;
  private final String url;
  private final String name;

  private ManagedProcess(String name, Process process, String url) {
    this.name = name;
    this.process = process;
    this.url = url;
  }

  /**
   * Starts {@code command}; {@code ready} must match one stdout line and capture the base URL in
   * group 1. Output goes to {@code log} (stderr merged into stdout).
   */
  static ManagedProcess start(
      String name,
      List<String> command,
      Map<String, String> env,
      Pattern ready,
      Path log,
      int timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process p = pb.start();
    LIVE.add(p);
    CompletableFuture<String> url = new CompletableFuture<>();
    Deque<String> tail = new ArrayDeque<>();
    Thread pump = new Thread(() -> pump(p, ready, log, url, tail), name + "-output");
    pump.setDaemon(true);
    pump.start();
    try {
      return new ManagedProcess(name, p, url.get(timeoutSeconds, TimeUnit.SECONDS));
    } catch (TimeoutException | ExecutionException e) {
      stop(p);
      String why =
          e instanceof TimeoutException
              ? "did not print its ready line within " + timeoutSeconds + " s"
              : e.getCause().getMessage();
      synchronized (tail) {
        throw new IOException(
            name
                + " "
                + why
                + "; command: "
                + String.join(" ", command)
                + "; last output:\n  "
                + String.join("\n  ", tail)
                + "\n(full log: "
                + log
                + ")");
      }
    }
  }

  private static void pump(
      Process p, Pattern ready, Path log, CompletableFuture<String> url, Deque<String> tail) {
    try (BufferedReader r =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter w =
            new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        w.println(line);
        if (!url.isDone()) {
          synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > 30) tail.removeFirst();
          }
          Matcher m = ready.matcher(line.strip());
          if (m.matches()) url.complete(m.group(1));
        }
      }
    } catch (IOException e) {
      url.completeExceptionally(e);
    }
    url.completeExceptionally(
        new IOException("exited with status " + exitStatus(p) + " before it was ready"));
  }

  private static String exitStatus(Process p) {
    try {
      return p.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(p.exitValue()) : "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  String url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  String name() {
    return name;
  }

  @Override
  public void close() {
    stop(process);
  }

  private static void stop(Process p) {
    if (p.isAlive()) {
      p.destroy();
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    LIVE.remove(p);
  }

  /** Kills every process still running (watchdog, shutdown hook). */
  static void killAll() {
    for (Process p : LIVE) p.destroyForcibly();
  }
}
