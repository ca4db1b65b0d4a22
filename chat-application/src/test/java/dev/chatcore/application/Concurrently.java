package dev.chatcore.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs tasks released together on several threads and collects their outcomes. */
public final class Concurrently {
  private Concurrently() {}

  /** An outcome: the value, or the exception the task threw. */
  public record Outcome<T>(T value, Throwable failure) {
    public boolean ok() {
      return failure == null;
    }
  }

  public static <T> List<Outcome<T>> run(int threads, List<Callable<T>> tasks)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return task.call();
                }));
      }
      go.countDown();
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (Future<T> f : futures) {
        try {
          outcomes.add(new Outcome<>(f.get(60, TimeUnit.SECONDS), null));
        } catch (ExecutionException e) {
          outcomes.add(new Outcome<>(null, e.getCause()));
        } catch (TimeoutException e) {
          throw new AssertionError("a task did not finish in 60 s", e);
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
