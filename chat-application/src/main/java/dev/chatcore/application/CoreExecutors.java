package dev.chatcore.application;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The core's two executors: virtual threads for the sync reads that follow a wake-up, and one
 * daemon timer thread for sync timeouts, the streams' tick and the periodic purges. Building them
 * starts no thread (the timer's starts with its first task); {@link CoreRuntime#close()} stops
 * them.
 */
@Singleton
public final class CoreExecutors {
  private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledThreadPoolExecutor timer;

  /** Builds both executors, idle. */
  @Inject
  public CoreExecutors() {
    timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "chat-sync-timer");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
  }

  /**
   * Where sync reads run after a wake-up.
   *
   * @return the virtual-thread executor
   */
  public ExecutorService reads() {
    return reads;
  }

  /**
   * Sync timeouts, the streams' tick and the purges.
   *
   * @return the one timer thread's executor
   */
  public ScheduledExecutorService timer() {
    return timer;
  }

  /**
   * Where live streams read after a wake-up: a virtual thread per read, untracked. A wake-up of a
   * busy room starts a thousand of these at once, and a per-task executor's registry of live
   * threads is then the most contended thing on the path; {@link #shutdown()} need not wait for
   * them, since closing the core ends every stream first.
   *
   * @return an executor that starts a virtual thread per task
   */
  public Executor streamReads() {
    return Thread::startVirtualThread;
  }

  /** Stops the timer at once and waits up to 2 s for the reads in progress. */
  void shutdown() {
    timer.shutdownNow();
    reads.shutdown();
    try {
      reads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
