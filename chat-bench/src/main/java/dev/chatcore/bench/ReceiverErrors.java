package dev.chatcore.bench;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** Failures shared by all receivers of a run. */
final class ReceiverErrors {
  final AtomicLong responses = new AtomicLong();
  final AtomicLong transport = new AtomicLong();
  final AtomicLong non200 = new AtomicLong();
  volatile String first;
  volatile int firstStatus;

  void transport(Throwable e) {
    transport.incrementAndGet();
    if (first == null) first = e.toString();
  }

  void status(String request, int status, String brief) {
    non200.incrementAndGet();
    if (first == null) {
      firstStatus = status;
      first = request + " -> " + status + ": " + brief;
    }
  }

  void malformed(String what) {
    non200.incrementAndGet();
    if (first == null) first = what;
  }

  void transport(IOException e) {
    transport((Throwable) e);
  }
}
