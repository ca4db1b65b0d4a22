/**
 * The server's log output: every {@code java.util.logging} record as one line on standard error, as
 * text or as a JSON object ({@code CHAT_LOG_FORMAT}). A record whose only parameter is a {@code
 * Map} carries that map as its fields (the HTTP adapter's access log does this).
 */
package dev.chatcore.server.logging;
