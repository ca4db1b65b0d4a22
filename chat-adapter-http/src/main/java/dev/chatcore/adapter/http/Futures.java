package dev.chatcore.adapter.http;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Future helpers for held requests. */
public final class Futures {
  private Futures() {}

  /**
   * Like {@code source.thenApply(fn)}, but cancelling the result also cancels {@code source} (plain
   * {@code thenApply} does not), so a client that leaves releases what the use case holds.
   */
  public static <T, R> CompletableFuture<R> map(
      CompletableFuture<T> source, Function<? super T, ? extends R> fn) {
    CompletableFuture<R> mapped = source.thenApply(fn);
    mapped.whenComplete(
        (r, failure) -> {
          if (mapped.isCancelled()) source.cancel(false);
        });
    return mapped;
  }
}
