package dev.chatcore.server;

/**
 * Where the management listener ({@code GET /metrics}) listens: a port of its own, so that the
 * metrics are never reachable through the public port and its load balancer.
 *
 * @param host {@code CHAT_MANAGEMENT_HOST}, by default {@code CHAT_HOST}
 * @param port {@code CHAT_MANAGEMENT_PORT}; {@code 0} picks a free one (the start output says
 *     which)
 */
public record ManagementConfig(String host, int port) {}
