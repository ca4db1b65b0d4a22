/**
 * chat-bench: a load generator for chat-server that talks plain HTTP/1.1 to it.
 *
 * <p>{@link dev.chatcore.bench.Main} is the entry point ({@code java -jar chat-bench.jar
 * <scenario>}); each scenario is one class ({@link dev.chatcore.bench.FanoutScenario}, {@link
 * dev.chatcore.bench.SendScenario}, {@link dev.chatcore.bench.ParkedScenario}, {@link
 * dev.chatcore.bench.HistoryScenario}, {@link dev.chatcore.bench.UnreadScenario}). The hot loops
 * use {@link dev.chatcore.bench.HttpConnection}, a blocking keep-alive client meant for virtual
 * threads; setup calls go through {@link dev.chatcore.bench.Api} (Jackson). Server cost is read
 * from {@code /proc} ({@link dev.chatcore.bench.ProcStats}, {@link dev.chatcore.bench.CpuMeter}).
 * Every loop is bounded by a count and a deadline, and only loopback targets are accepted. See
 * {@code docs/performance.md}.
 */
package dev.chatcore.bench;
