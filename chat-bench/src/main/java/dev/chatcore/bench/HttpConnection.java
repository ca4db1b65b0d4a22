package dev.chatcore.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection over a blocking socket, meant to be owned by one (virtual)
 * thread. It frames bodies by Content-Length or chunked encoding and reopens the socket when the
 * server closed it. Much cheaper per request than java.net.http.HttpClient, so the load generator
 * leaves the shared cores to the server. Not thread-safe.
 */
final class HttpConnection implements Closeable {
  private final String host;
  private final int port;
  private final String hostHeader;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final byte[] buf = new byte[16384];
  private int pos;
  private int limit;
  private final StringBuilder line = new StringBuilder(128);
  private long opened;

  HttpConnection(String host, int port) {
    this.host = host;
    this.port = port;
    this.hostHeader = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  static HttpConnection to(Target target) {
    return new HttpConnection(target.host(), target.port());
  }

  /** Sockets opened so far (1 + reconnects). */
  long opened() {
    return opened;
  }

  /**
   * Sends one request and reads its response. {@code body} is sent as JSON when not null. A request
   * on a kept-alive socket that the server had closed is retried once on a new socket (no byte of a
   * response had arrived, so the server did not act on it).
   */
  HttpResponse send(String method, String target, String bearer, String body, int timeoutMs)
      throws IOException {
    byte[] request = encode(method, target, bearer, body);
    boolean fresh = ensureOpen();
    try {
      return exchange(request, timeoutMs);
    } catch (StaleConnectionException e) {
      close();
      if (fresh) throw new IOException("server closed the connection without a response", e);
      ensureOpen();
      return exchange(request, timeoutMs);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Opens the socket now (connect phases are throttled separately from the requests). */
  void connect() throws IOException {
    ensureOpen();
  }

  HttpResponse get(String target, String bearer, int timeoutMs) throws IOException {
    return send("GET", target, bearer, null, timeoutMs);
  }

  private byte[] encode(String method, String target, String bearer, String body) {
    byte[] b = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder h =
        new StringBuilder(256)
            .append(method)
            .append(' ')
            .append(target)
            .append(" HTTP/1.1\r\nHost: ")
            .append(hostHeader)
            .append("\r\n");
    if (bearer != null) h.append("Authorization: Bearer ").append(bearer).append("\r\n");
    if (b != null)
      h.append("Content-Type: application/json\r\nContent-Length: ")
          .append(b.length)
          .append("\r\n");
    else if (!method.equals("GET") && !method.equals("HEAD")) h.append("Content-Length: 0\r\n");
    h.append("\r\n");
    byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
    if (b == null) return head;
    byte[] all = new byte[head.length + b.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(b, 0, all, head.length, b.length);
    return all;
  }

  private boolean ensureOpen() throws IOException {
    if (socket != null) return false;
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), 10_000);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    socket = s;
    in = s.getInputStream();
    out = s.getOutputStream();
    pos = limit = 0;
    opened++;
    return true;
  }

  private HttpResponse exchange(byte[] request, int timeoutMs) throws IOException {
    socket.setSoTimeout(timeoutMs);
    out.write(request);
    out.flush();
    String status = readLine(true);
    if (status.length() < 12 || !status.startsWith("HTTP/1."))
      throw new IOException("bad status line: " + status);
    int code = Integer.parseInt(status, 9, 12, 10);
    long length = -1;
    boolean chunked = false;
    boolean close = status.startsWith("HTTP/1.0");
    String retryAfter = null;
    String contentType = null;
    for (String h = readLine(false); !h.isEmpty(); h = readLine(false)) {
      int colon = h.indexOf(':');
      if (colon <= 0) continue;
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
      else if (name.equalsIgnoreCase("Transfer-Encoding"))
        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
      else if (name.equalsIgnoreCase("Connection")) close = value.equalsIgnoreCase("close");
      else if (name.equalsIgnoreCase("Retry-After")) retryAfter = value;
      else if (name.equalsIgnoreCase("Content-Type")) contentType = value;
    }
    byte[] body;
    if (code == 204 || code == 304 || (code >= 100 && code < 200)) body = new byte[0];
    else if (chunked) body = readChunked();
    else if (length >= 0) body = readExactly((int) length);
    else {
      body = readToEnd();
      close = true;
    }
    if (close) close();
    return new HttpResponse(
        code, new String(body, StandardCharsets.UTF_8), body.length, retryAfter, contentType);
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream(1024);
    while (true) {
      String size = readLine(false);
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      if (n == 0) {
        while (!readLine(false).isEmpty()) {
          /* trailers */
        }
        return bo.toByteArray();
      }
      bo.write(readExactly(n));
      readLine(false);
    }
  }

  private byte[] readExactly(int n) throws IOException {
    byte[] b = new byte[n];
    int got = Math.min(n, limit - pos);
    System.arraycopy(buf, pos, b, 0, got);
    pos += got;
    while (got < n) {
      int r = in.read(b, got, n - got);
      if (r < 0)
        throw new EOFException("connection closed after " + got + " of " + n + " body bytes");
      got += r;
    }
    return b;
  }

  private byte[] readToEnd() throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream(1024);
    bo.write(buf, pos, limit - pos);
    pos = limit;
    in.transferTo(bo);
    return bo.toByteArray();
  }

  /**
   * One header line without CRLF; the first line of a response may find the socket closed (stale).
   */
  private String readLine(boolean first) throws IOException {
    line.setLength(0);
    while (true) {
      if (pos == limit) {
        int r = in.read(buf, 0, buf.length);
        if (r < 0) {
          if (first && line.isEmpty()) throw new StaleConnectionException();
          throw new EOFException("connection closed inside the response head");
        }
        pos = 0;
        limit = r;
      }
      byte c = buf[pos++];
      if (c == '\n') {
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') line.setLength(n - 1);
        return line.toString();
      }
      line.append((char) (c & 0xff));
      if (line.length() > 65536) throw new IOException("header line too long");
    }
  }

  @Override
  public void close() {
    Socket s = socket;
    socket = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** Closes the socket from another thread, to unblock a read (used at teardown). */
  void abort() {
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** The server closed a kept-alive socket before answering: safe to retry once. */
  private static final class StaleConnectionException extends IOException {
    StaleConnectionException() {
      super("stale keep-alive connection");
    }
  }
}
