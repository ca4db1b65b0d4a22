/**
 * Prometheus metrics on the management port: the one package that sees Micrometer. Each class turns
 * one kind of observation into meters (HTTP requests, core events, storage calls, the feed's lag,
 * janitor runs); {@link dev.chatcore.server.metrics.ServerMetrics} owns the registry and hands them
 * out. Every meter name is listed in {@code docs/deploying.md}.
 */
package dev.chatcore.server.metrics;
