/**
 * Live push: streams that deliver exactly what consecutive syncs following {@code next_batch}
 * would, through the same read ({@link dev.chatcore.application.sync.VisibleRead}) and the same
 * wake-ups ({@link dev.chatcore.application.sync.SyncWaiter}). Transport-independent: the cursor,
 * backpressure accounting, lifetime, keep-alive timing and per-account cap live here; framing
 * (Server-Sent Events, WebSocket, an embedder's listener) lives in a {@link
 * dev.chatcore.application.stream.StreamSink}. Also the single-use tickets that open a stream from
 * a browser.
 */
package dev.chatcore.application.stream;
