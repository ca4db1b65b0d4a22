package dev.chatcore.adapter.http;

import java.util.concurrent.CompletableFuture;

/** A route's handler: parses, calls one use case, renders. Runs on a worker thread. */
@FunctionalInterface
public interface Endpoint {
  Reply handle(ApiRequest request) throws Exception;

  /**
   * A handler whose answer comes later (long-poll sync). It must not block: it returns a future
   * that completes from whichever thread has the answer; cancelling it means the client left.
   */
  @FunctionalInterface
  interface Async {
    CompletableFuture<Reply> handle(ApiRequest request) throws Exception;
  }
}
