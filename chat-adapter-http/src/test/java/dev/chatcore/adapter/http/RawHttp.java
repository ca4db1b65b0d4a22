package dev.chatcore.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte for byte over a socket, for what an HTTP client library will not send:
 * lying lengths, odd transfer encodings, invalid UTF-8, requests that never finish. Close it.
 */
final class RawHttp implements AutoCloseable {
  /**
   * A parsed answer: status, headers (lower-case names), body and the body as JSON (null when
   * empty).
   */
  record Answer(int status, Map<String, String> headers, String body, JsonNode json) {
    String error() {
      return json == null ? null : json.path("error").asText(null);
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  private final Socket socket;

  RawHttp(int port, Duration readTimeout) {
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout((int) readTimeout.toMillis());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RawHttp(int port) {
    this(port, Duration.ofSeconds(20));
  }

  /** The head of a request: request line, Host and the given header lines, and the blank line. */
  static String head(String requestLine, String... headers) {
    StringBuilder out = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
    for (String h : headers) out.append(h).append("\r\n");
    return out.append("\r\n").toString();
  }

  RawHttp send(String text) {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawHttp send(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Sends a request the server may refuse before it has read all of it: when the server answers and
   * closes while this is still writing, the write fails; the answer is read next all the same.
   */
  RawHttp sendRefusable(String text) {
    try {
      return send(text);
    } catch (UncheckedIOException answeredAndClosed) {
      return this;
    }
  }

  /** Reads one answer (its body by Content-Length). */
  Answer answer() {
    try {
      InputStream in = socket.getInputStream();
      String statusLine = line(in);
      if (statusLine == null) throw new AssertionError("connection closed without an answer");
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        headers.put(
            h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      JsonNode json = body.isEmpty() ? null : Json.mapper().readTree(body);
      return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, body, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True when the server closes the connection (end of stream or reset) within the read timeout,
   * false when it is still open then. Bytes the server sends first are skipped.
   */
  boolean closedByServer() {
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      while (in.read(buffer) >= 0) {
        // skip
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String s = out.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      out.write(b);
    }
    return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
