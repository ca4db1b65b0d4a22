package dev.chatcore.adapter.http;

import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * Undertow listening for an {@link HttpApi}, with the protocol settings the server and the tests
 * share. Undertow's builder is not used because it offers no hook on new connections, and one is
 * needed: {@link ParserRefusals} gives the refusals Undertow writes itself the API's JSON body.
 *
 * <p>Settings: a connection that has sent part of a request but not all of its head within {@code
 * parseTimeout} is closed (its body is timed by {@link HttpApi}); a connection idle between
 * requests is closed after {@link #IDLE_TIMEOUT}. A request being served, such as a held long-poll,
 * is timed by neither. Bodies are limited by {@link HttpApi}, not here: Undertow's own limit would
 * refuse with an empty 400 instead of a 413.
 */
public final class HttpListener implements AutoCloseable {
  /** Keep-alive connections with no request in progress are closed after this long. */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(2);

  private final XnioWorker worker;
  private final AcceptingChannel<StreamConnection> channel;
  private final ByteBufferPool buffers;

  private HttpListener(
      XnioWorker worker, AcceptingChannel<StreamConnection> channel, ByteBufferPool buffers) {
    this.worker = worker;
    this.channel = channel;
    this.buffers = buffers;
  }

  /**
   * Binds and starts serving {@code api}.
   *
   * @param port 0 for a free one ({@link #address()} tells which)
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static HttpListener start(String host, int port, HttpApi api, Duration parseTimeout) {
    int ioThreads = Math.max(Runtime.getRuntime().availableProcessors(), 2);
    XnioWorker worker = null;
    ByteBufferPool buffers = new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 4);
    try {
      worker =
          Xnio.getInstance(HttpListener.class.getClassLoader())
              .createWorker(
                  OptionMap.builder()
                      .set(Options.WORKER_IO_THREADS, ioThreads)
                      .set(
                          Options.WORKER_TASK_CORE_THREADS,
                          ioThreads * 8) // Undertow's defaults; endpoints run on
                      .set(
                          Options.WORKER_TASK_MAX_THREADS,
                          ioThreads * 8) // the API's own executor anyway
                      .set(Options.TCP_NODELAY, true)
                      .set(Options.CORK, true)
                      .getMap());
      HttpOpenListener http =
          new HttpOpenListener(
              buffers,
              OptionMap.builder()
                  .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) IDLE_TIMEOUT.toMillis())
                  .set(
                      UndertowOptions.REQUEST_PARSE_TIMEOUT,
                      (int) Math.min(Integer.MAX_VALUE, parseTimeout.toMillis()))
                  .set(UndertowOptions.ALWAYS_SET_DATE, false)
                  .getMap());
      http.setRootHandler(api.handler(parseTimeout));
      ChannelListener<StreamConnection> open =
          connection -> {
            connection
                .getSinkChannel()
                .setConduit(new ParserRefusals(connection.getSinkChannel().getConduit()));
            http.handleEvent(connection);
          };
      AcceptingChannel<StreamConnection> channel =
          worker.createStreamConnectionServer(
              new InetSocketAddress(host, port),
              ChannelListeners.openListenerAdapter(open),
              OptionMap.builder()
                  .set(Options.WORKER_IO_THREADS, ioThreads)
                  .set(Options.TCP_NODELAY, true)
                  .set(Options.REUSE_ADDRESSES, true)
                  .set(Options.BALANCING_TOKENS, 1)
                  .set(Options.BALANCING_CONNECTIONS, 2)
                  .set(Options.BACKLOG, 1000)
                  .getMap());
      channel.resumeAccepts();
      return new HttpListener(worker, channel, buffers);
    } catch (IOException | RuntimeException e) {
      if (worker != null) worker.shutdownNow();
      buffers.close();
      if (e instanceof IOException io)
        throw new UncheckedIOException("cannot listen on " + host + ":" + port, io);
      throw (RuntimeException) e;
    }
  }

  /** The address it listens on (the real port when started with port 0). */
  public InetSocketAddress address() {
    return channel.getLocalAddress(InetSocketAddress.class);
  }

  /** Stops accepting and closes every connection. */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    worker.shutdownNow();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    buffers.close();
  }
}
