package dev.chatcore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs seeding work in parallel, one task per simulated user, each task with its own {@link Api}
 * and paced to {@code perUserPerSecond} requests so that seeding stays under the server's
 * per-account rate limit (418 answers are still waited out by the Api). Failures surface as the
 * first task's exception.
 */
final class Seeder {
  /** A user's share of the seeding; call {@link Paced#call} for each request. */
  interface Task {
    void run(Paced api) throws Exception;
  }

  private final Target target;
  private final double perUserPerSecond;
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder requests = new LongAdder();

  Seeder(Target target, double perUserPerSecond) {
    this.target = target;
    this.perUserPerSecond = perUserPerSecond;
  }

  long rateLimited() {
    return rateLimited.sum();
  }

  long requests() {
    return requests.sum();
  }

  void runAll(List<Task> tasks) throws InterruptedException {
    try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> fs = new ArrayList<>();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      for (Task task : tasks) {
        fs.add(
            ex.submit(
                () -> {
                  try (Api api = new Api(target)) {
                    Paced p = new Paced(api, perUserPerSecond);
                    task.run(p);
                    rateLimited.add(api.rateLimited());
                    requests.add(p.calls);
                  } catch (Exception | Error e) {
                    failures.add(e);
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        try {
          f.get();
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      Throwable first = failures.peek();
      if (first instanceof BenchFailure b) throw b;
      if (first != null) throw new BenchFailure("seeding failed: " + first, first);
    }
  }

  /** An Api whose calls are spaced at least 1/rate apart. */
  static final class Paced {
    final Api api;
    long calls;
    private final long intervalNanos;
    private long next = System.nanoTime();

    Paced(Api api, double rate) {
      this.api = api;
      this.intervalNanos = (long) (1e9 / rate);
    }

    Api call() {
      RequestLoop.sleepUntil(next);
      next = Math.max(next + intervalNanos, System.nanoTime());
      calls++;
      return api;
    }
  }
}
