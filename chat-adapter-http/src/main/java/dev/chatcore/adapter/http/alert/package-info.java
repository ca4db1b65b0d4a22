/**
 * Report alerts to the studio's webhook: signed, idempotent, retried, off the player's request
 * ({@link dev.chatcore.adapter.http.alert.ReportWebhook}), an implementation of the core's {@link
 * dev.chatcore.domain.moderation.ReportAlerts} port.
 */
package dev.chatcore.adapter.http.alert;
