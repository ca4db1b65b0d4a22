package dev.chatcore.bench;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * A long-polling receiver: its own connection, and always exactly one {@code GET
 * /v1/sync?since=<cursor>&timeout=<ms>&filter=<room>} outstanding; {@code next_batch} becomes the
 * next cursor. Each 200 body goes to the listener; the poller keeps a bitset of the markers it has
 * seen so that duplicates can be told apart from first deliveries.
 */
final class SyncPoller extends Receiver {
  private final int timeoutMs;
  private final long maxPolls;
  private final HttpConnection conn;
  private String cursor;

  SyncPoller(Run run, BenchUser user, String cursor, int timeoutMs, long maxPolls) {
    super(run, user, cursor);
    this.cursor = cursor;
    this.timeoutMs = timeoutMs;
    this.maxPolls = maxPolls;
    this.conn = HttpConnection.to(target);
  }

  @Override
  public void run() {
    boolean first = true;
    try {
      connectPermits.acquire();
      try {
        conn.connect();
      } finally {
        connectPermits.release();
      }
      for (long polls = 0; polls < maxPolls && !stop; polls++) {
        if (first) {
          started.countDown();
          first = false;
        }
        while (paused && !stop)
          LockSupport.parkNanos(100_000_000L); // a slow consumer polls no more
        if (!stop && !pollOnce()) LockSupport.parkNanos(100_000_000L);
      }
    } catch (IOException e) {
      if (!stop) errors.transport(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (first) started.countDown();
      conn.close();
    }
  }

  /** One round trip; false after an error (the caller pauses before the next one). */
  private boolean pollOnce() {
    String path =
        "/v1/sync?since="
            + Api.enc(cursor)
            + "&timeout="
            + timeoutMs
            + "&filter="
            + Api.enc(roomId);
    HttpResponse r;
    try {
      inFlightSince = System.nanoTime();
      r = conn.get(path, user.token(), timeoutMs + 30_000);
      inFlightSince = 0;
    } catch (IOException e) {
      inFlightSince = 0;
      if (!stop) errors.transport(e);
      return false;
    }
    long now = System.nanoTime();
    if (r.status() != 200) {
      errors.status("GET /v1/sync", r.status(), r.brief());
      if (r.status() == 401
          || r.status() == 403
          || r.status() == 404
          || r.status() == 405
          || r.status() == 400) {
        dead = true;
        stop = true;
      }
      return false;
    }
    String next = Wire.nextBatch(r.body());
    if (next == null) {
      errors.malformed("GET /v1/sync: no \"next_batch\" in " + r.brief());
      dead = true;
      stop = true;
      return false;
    }
    moved(next);
    cursor = next;
    errors.responses.incrementAndGet();
    listener.onResponse(this, r.body(), now);
    return true;
  }

  /** Ends the loop and unblocks a pending read. */
  @Override
  void stop() {
    stop = true;
    conn.abort();
  }
}
