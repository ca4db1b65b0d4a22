package dev.chatcore.bench;

import java.util.Locale;

/**
 * CPU used over a measured window by the server, by this load generator, and by everything else on
 * the machine. "Other" (machine busy minus server minus client) also holds kernel softirq time for
 * the loopback traffic that no process is charged for; a high value means the run was disturbed.
 */
final class CpuMeter {
  private final long pid;
  private final long wall0;
  private final long server0;
  private final long client0;
  private final long machine0;
  private final long jit0;
  private final long gc0;

  private CpuMeter(long pid) {
    this.pid = pid;
    this.server0 = ProcStats.cpuNanos(pid);
    this.client0 = ProcStats.selfCpuNanos();
    this.machine0 = ProcStats.machineBusyNanos();
    this.jit0 = ProcStats.threadCpuNanos(pid, ProcStats::isJitThread);
    this.gc0 = ProcStats.threadCpuNanos(pid, ProcStats::isGcThread);
    this.wall0 = System.nanoTime();
  }

  static CpuMeter start(long serverPid) {
    return new CpuMeter(serverPid);
  }

  /** The CPU used since {@link #start}. */
  Window stop() {
    long wall = System.nanoTime() - wall0;
    long s1 = ProcStats.cpuNanos(pid);
    long c1 = ProcStats.selfCpuNanos();
    long m1 = ProcStats.machineBusyNanos();
    long j1 = ProcStats.threadCpuNanos(pid, ProcStats::isJitThread);
    long g1 = ProcStats.threadCpuNanos(pid, ProcStats::isGcThread);
    return new Window(
        wall,
        server0 < 0 || s1 < 0 ? -1 : s1 - server0,
        client0 < 0 || c1 < 0 ? -1 : c1 - client0,
        machine0 < 0 || m1 < 0 ? -1 : m1 - machine0,
        jit0 < 0 || j1 < 0 ? -1 : Math.max(0, j1 - jit0),
        gc0 < 0 || g1 < 0 ? -1 : Math.max(0, g1 - gc0));
  }

  /**
   * CPU nanoseconds in a window of {@code wallNanos}; -1 for what could not be read. Of the
   * server's, {@code serverJitNanos} went to its JIT compiler threads (high while it is still
   * warming up) and {@code serverGcNanos} to its garbage collector threads.
   */
  record Window(
      long wallNanos,
      long serverNanos,
      long clientNanos,
      long machineNanos,
      long serverJitNanos,
      long serverGcNanos) {
    double seconds() {
      return wallNanos / 1e9;
    }

    double serverPct() {
      return pct(serverNanos);
    }

    double clientPct() {
      return pct(clientNanos);
    }

    double machinePct() {
      return pct(machineNanos);
    }

    double serverJitPct() {
      return pct(serverJitNanos);
    }

    double serverGcPct() {
      return pct(serverGcNanos);
    }

    double otherPct() {
      if (serverNanos < 0 || clientNanos < 0 || machineNanos < 0) return Double.NaN;
      return wallNanos <= 0
          ? Double.NaN
          : (machineNanos - serverNanos - clientNanos) * 100.0 / wallNanos;
    }

    /** Server CPU µs per unit of work (delivery, request); NaN when unknown or nothing was done. */
    double serverMicrosPer(long units) {
      return serverNanos < 0 || units <= 0 ? Double.NaN : serverNanos / 1000.0 / units;
    }

    double clientMicrosPer(long units) {
      return clientNanos < 0 || units <= 0 ? Double.NaN : clientNanos / 1000.0 / units;
    }

    private double pct(long nanos) {
      return nanos < 0 || wallNanos <= 0 ? Double.NaN : nanos * 100.0 / wallNanos;
    }

    /**
     * Puts {@code <prefix>server_cpu_us_per_<unit>}, the client one, and the %-of-one-core figures.
     */
    void report(Result r, String prefix, String unit, long units) {
      r.put(prefix + "measure_window_s", seconds());
      r.put(prefix + "server_cpu_us_per_" + unit, serverMicrosPer(units));
      r.put(prefix + "client_cpu_us_per_" + unit, clientMicrosPer(units));
      r.put(prefix + "server_cpu_pct_of_1_core", serverPct());
      r.put(prefix + "server_jit_cpu_pct_of_1_core", serverJitPct());
      r.put(prefix + "server_gc_cpu_pct_of_1_core", serverGcPct());
      r.put(prefix + "client_cpu_pct_of_1_core", clientPct());
      r.put(prefix + "other_cpu_pct_of_1_core", otherPct());
      r.put(prefix + "machine_busy_pct_of_1_core", machinePct());
    }

    String summary(String unit, long units) {
      return String.format(
          Locale.ROOT,
          "cpu %% of one core over %.1f s: server %.1f (jit %.1f, gc %.1f), client %.1f, other %.1f;"
              + " server %.1f us/%s, client %.1f us/%s",
          seconds(),
          serverPct(),
          serverJitPct(),
          serverGcPct(),
          clientPct(),
          otherPct(),
          serverMicrosPer(units),
          unit,
          clientMicrosPer(units),
          unit);
    }
  }
}
