package dev.chatcore.domain.moderation;

/**
 * Where report alerts go: the studio's moderation tooling (the standalone server POSTs them to a
 * webhook; an embedding game server may post them to its own channels). {@link #NONE} drops them.
 *
 * <p>The core calls {@link #send} on the reporting request's thread, after the report is stored,
 * once per alert ({@link ReportAlertRule}). It must return at once — queue the work, never wait on
 * a network — since the player is waiting; delivering, retrying and giving up are the
 * implementation's. A runtime exception it throws is logged and the report stands.
 */
@FunctionalInterface
public interface ReportAlerts {
  /** Drops every alert: the core's default. */
  ReportAlerts NONE = alert -> {};

  void send(ReportAlert alert);
}
