package dev.chatcore.server;

import dev.chatcore.server.logging.LogFormat;

/**
 * What the server logs and how.
 *
 * @param format {@code CHAT_LOG_FORMAT}: {@code text} (default) or {@code json}, one line per
 *     record either way
 * @param accessLog {@code CHAT_ACCESS_LOG}: {@code true} logs one line per request; every response
 *     carries its {@code X-Request-Id} either way
 */
public record LogConfig(LogFormat format, boolean accessLog) {}
