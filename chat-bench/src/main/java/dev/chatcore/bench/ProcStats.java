package dev.chatcore.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Readings from Linux {@code /proc}: a process's CPU time (utime+stime of {@code
 * /proc/<pid>/stat}), RSS and thread count ({@code /proc/<pid>/status}), the whole machine's busy
 * time (first line of {@code /proc/stat}), and this JVM's own CPU time. Every method returns -1
 * when the value cannot be read (no pid, process gone, not Linux).
 */
final class ProcStats {
  private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicks();

  private ProcStats() {}

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      long t = Long.parseLong(out);
      return t > 0 ? t : 100;
    } catch (Exception e) {
      return 100;
    }
  }

  /**
   * utime + stime of process {@code pid}, in nanoseconds (tick resolution, 10 ms on most kernels).
   */
  static long cpuNanos(long pid) {
    if (pid <= 0) return -1;
    try {
      String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * utime + stime of the threads of process {@code pid} whose name ({@code
   * /proc/<pid>/task/<tid>/comm}) {@code names} accepts, in nanoseconds; threads that ended are no
   * longer counted.
   */
  static long threadCpuNanos(long pid, Predicate<String> names) {
    if (pid <= 0) return -1;
    long ticks = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          if (!names.test(Files.readString(task.resolve("comm")).strip())) continue;
          String s = Files.readString(task.resolve("stat"));
          String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
          // the thread ended between the listing and the read
        }
      }
      return ticks * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * HotSpot's JIT compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}: names are cut
   * at 15).
   */
  static boolean isJitThread(String name) {
    return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
  }

  /** HotSpot's garbage collector threads (G1, Parallel, ZGC, Shenandoah names). */
  static boolean isGcThread(String name) {
    return name.startsWith("GC Thread")
        || name.startsWith("G1 ")
        || name.startsWith("ZWorker")
        || name.startsWith("ZDirector")
        || name.startsWith("Shenandoah")
        || name.equals("VM Thread");
  }

  static long rssKb(long pid) {
    return statusField(pid, "VmRSS:");
  }

  static long threads(long pid) {
    return statusField(pid, "Threads:");
  }

  private static long statusField(long pid, String field) {
    if (pid <= 0) return -1;
    try {
      for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (l.startsWith(field))
          return Long.parseLong(l.substring(field.length()).replaceAll("[^0-9]", ""));
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Busy time of all cores together (user+nice+system+irq+softirq+steal), in nanoseconds. */
  static long machineBusyNanos() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long ticks = 0;
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) ticks += Long.parseLong(f[i]);
      return ticks * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU time of this JVM (all threads), in nanoseconds. */
  static long selfCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
