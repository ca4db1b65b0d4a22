package dev.chatcore.adapter.http.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chatcore.adapter.http.Json;
import dev.chatcore.adapter.http.chat.ReportAlertJson;
import dev.chatcore.domain.moderation.ReportAlert;
import dev.chatcore.domain.moderation.ReportAlerts;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Report alerts POSTed to the studio's webhook (JDK {@link HttpClient}), signed ({@link
 * WebhookSignature}), with an {@code Idempotency-Key} header that stays the same across retries,
 * retried with exponential backoff until a 2xx answer (at least once, while the server runs), and
 * never on the reporting player's thread.
 *
 * <p>{@link #send} only counts the alert in and queues it; one daemon thread drains the queue,
 * keeps at most {@link WebhookSettings#IN_FLIGHT} requests in flight and times the retries. The
 * queue is bounded ({@link WebhookSettings#queueCapacity}, counting alerts waiting, in flight and
 * waiting for a retry): an alert that finds it full is dropped, counted and logged (at most one
 * line a minute) — the report itself is stored either way and listed for admins. The queue is in
 * memory: alerts still in it when the server stops are lost (logged).
 */
public final class ReportWebhook implements ReportAlerts, AutoCloseable {
  /** The header naming the alert; the same on every attempt of one alert. */
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  /** {@code report.created} or {@code report.reporters_reached}. */
  public static final String EVENT_HEADER = "X-Chat-Event";

  /** 1 for the first attempt, 2 for the first retry, ... */
  public static final String ATTEMPT_HEADER = "X-Chat-Delivery-Attempt";

  private static final Logger LOG = Logger.getLogger(ReportWebhook.class.getName());
  private static final Duration DROP_LOG_EVERY = Duration.ofMinutes(1);

  private final WebhookSettings settings;
  private final WebhookSignature signature;
  private final Clock clock;
  private final HttpClient client;
  private final ScheduledExecutorService worker;
  private final Queue<Delivery> ready = new ConcurrentLinkedQueue<>();
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong gaveUp = new AtomicLong();
  private final AtomicLong lastDropLog = new AtomicLong(Long.MIN_VALUE / 2);

  /** Requests in flight; read and written on the worker thread only. */
  private int inFlight;

  private volatile boolean closed;

  /** One alert on its way: its body is made once, so every attempt sends the same bytes. */
  private static final class Delivery {
    final ReportAlert alert;
    final Instant queuedAt;
    byte[] body;
    int attempts;

    Delivery(ReportAlert alert, Instant queuedAt) {
      this.alert = alert;
      this.queuedAt = queuedAt;
    }
  }

  public ReportWebhook(WebhookSettings settings, Clock clock) {
    this.settings = settings;
    this.signature = new WebhookSignature(settings.secret());
    this.clock = clock;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "chat-report-webhook");
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues the alert and returns at once; drops it when the queue is full. */
  @Override
  public void send(ReportAlert alert) {
    if (closed) {
      drop(alert);
      return;
    }
    if (held.incrementAndGet() > settings.queueCapacity()) {
      held.decrementAndGet();
      drop(alert);
      return;
    }
    ready.add(new Delivery(alert, clock.instant()));
    onWorker(this::drain);
  }

  /** Alerts the receiver acknowledged. */
  public long delivered() {
    return delivered.get();
  }

  /** Alerts dropped because the queue was full (or the webhook closed). */
  public long dropped() {
    return dropped.get();
  }

  /** Alerts dropped after retrying for {@link WebhookSettings#giveUpAfter}. */
  public long gaveUp() {
    return gaveUp.get();
  }

  /** Alerts waiting, in flight or waiting for a retry. */
  public int held() {
    return held.get();
  }

  private void drain() {
    while (inFlight < WebhookSettings.IN_FLIGHT && !closed) {
      Delivery next = ready.poll();
      if (next == null) return;
      inFlight++;
      attempt(next);
    }
  }

  private void attempt(Delivery delivery) {
    delivery.attempts++;
    HttpRequest request;
    try {
      if (delivery.body == null)
        delivery.body = Json.mapper().writeValueAsBytes(ReportAlertJson.body(delivery.alert));
      request = request(delivery);
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.log(
          Level.SEVERE, "report alert " + delivery.alert.idempotencyKey() + " cannot be sent", e);
      inFlight--;
      held.decrementAndGet();
      return;
    }
    client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete((response, failure) -> onWorker(() -> finished(delivery, response, failure)));
  }

  private HttpRequest request(Delivery delivery) {
    long timestamp = clock.instant().getEpochSecond();
    return HttpRequest.newBuilder(settings.url())
        .timeout(settings.timeout())
        .header("Content-Type", "application/json")
        .header(IDEMPOTENCY_HEADER, delivery.alert.idempotencyKey())
        .header(EVENT_HEADER, ReportAlertJson.event(delivery.alert))
        .header(ATTEMPT_HEADER, Integer.toString(delivery.attempts))
        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
        .header(WebhookSignature.HEADER, signature.sign(timestamp, delivery.body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body))
        .build();
  }

  private void finished(Delivery delivery, HttpResponse<Void> response, Throwable failure) {
    inFlight--;
    if (failure == null && response.statusCode() / 100 == 2) {
      held.decrementAndGet();
      delivered.incrementAndGet();
    } else {
      retryOrGiveUp(
          delivery, failure == null ? "status " + response.statusCode() : failure.toString());
    }
    drain();
  }

  private void retryOrGiveUp(Delivery delivery, String problem) {
    Duration wait = settings.backoff(delivery.attempts);
    String key = delivery.alert.idempotencyKey();
    if (clock.instant().plus(wait).isAfter(delivery.queuedAt.plus(settings.giveUpAfter()))) {
      held.decrementAndGet();
      gaveUp.incrementAndGet();
      LOG.warning(
          "report alert "
              + key
              + " dropped after "
              + delivery.attempts
              + " attempts ("
              + problem
              + ")");
      return;
    }
    // one line per alert, not per attempt: a receiver that is down for an hour would flood the log
    if (delivery.attempts == 1)
      LOG.warning("report alert " + key + " failed (" + problem + "); retrying");
    try {
      worker.schedule(
          () -> {
            ready.add(delivery);
            drain();
          },
          wait.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      // closed meanwhile: counted as lost in close()
    }
  }

  private void drop(ReportAlert alert) {
    long count = dropped.incrementAndGet();
    long now = clock.millis();
    long last = lastDropLog.get();
    if (now - last >= DROP_LOG_EVERY.toMillis() && lastDropLog.compareAndSet(last, now)) {
      LOG.warning(
          "report alert "
              + alert.idempotencyKey()
              + " dropped: "
              + (closed
                  ? "the webhook is closed"
                  : "the queue is full (" + settings.queueCapacity() + " alerts)")
              + "; "
              + count
              + " dropped so far");
    }
  }

  private void onWorker(Runnable task) {
    try {
      worker.execute(task);
    } catch (RejectedExecutionException stopping) {
      // closed: nothing more is sent
    }
  }

  /** Stops sending; alerts still queued are lost (the queue is in memory) and logged as a count. */
  @Override
  public void close() {
    closed = true;
    worker.shutdownNow();
    client.shutdownNow();
    int lost = held.get();
    if (lost > 0) LOG.warning(lost + " report alert(s) not delivered: the server stopped");
  }
}
