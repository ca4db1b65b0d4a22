package dev.chatcore.adapter.http.v1;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one at a time, in the order given, on another executor: a WebSocket's frames are
 * handled in order (a client's messages are stored in the order it sent them) without a thread of
 * their own.
 */
final class Serial implements Executor {
  private final Executor executor;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();

  Serial(Executor executor) {
    this.executor = executor;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    if (pending.getAndIncrement() == 0) executor.execute(this::drain);
  }

  private void drain() {
    do {
      tasks.poll().run();
    } while (pending.decrementAndGet() != 0);
  }
}
