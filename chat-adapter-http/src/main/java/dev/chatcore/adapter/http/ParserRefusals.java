package dev.chatcore.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

/**
 * Gives Undertow's own refusals the API's JSON error body. When Undertow cannot parse a request (a
 * malformed request line or header, headers over the size limit, too many headers or query
 * parameters, a bad {@code Content-Length}, a missing {@code Host}) it writes a fixed {@code 400
 * Bad Request} with an empty body straight to the connection, before any handler runs, and closes
 * it. This conduit sits under everything Undertow writes on a connection and sends, in place of
 * exactly those bytes, the same status with the SPEC §2 body.
 */
final class ParserRefusals extends AbstractStreamSinkConduit<StreamSinkConduit> {
  /**
   * Undertow's refusals: a {@code 400} status line (its reason phrase varies: {@code Bad Request},
   * {@code No Host Header}, ...) and exactly the headers {@code Connection: close} and {@code
   * Content-Length: 0}, in either order. The API's own answers always carry a body.
   */
  private static final String STATUS_400 = "HTTP/1.1 400 ";

  private static final int REFUSAL_MAX_BYTES = 160;
  private static final Set<String> REFUSAL_HEADERS =
      Set.of("Connection: close", "Content-Length: 0");
  private static final byte[] JSON_400 =
      answer(
          HttpErrors.toReply(
              HttpProblem.badRequest(
                  "malformed request: the request line or headers are invalid, too many or too large")));

  private ByteBuffer replacement; // being written in place of Undertow's bytes

  ParserRefusals(StreamSinkConduit next) {
    super(next);
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    if (replacement == null && !isUndertowRefusal(src)) return next.write(src);
    if (replacement == null) replacement = ByteBuffer.wrap(JSON_400);
    next.write(replacement);
    if (replacement.hasRemaining()) return 0; // Undertow waits for the channel and writes again
    int consumed = src.remaining();
    src.position(src.limit());
    return consumed;
  }

  @Override
  public int writeFinal(ByteBuffer src) throws IOException {
    if (replacement == null && !isUndertowRefusal(src)) return next.writeFinal(src);
    return write(src);
  }

  static boolean isUndertowRefusal(ByteBuffer src) {
    if (src.remaining() > REFUSAL_MAX_BYTES || src.remaining() < STATUS_400.length()) return false;
    byte[] bytes = new byte[src.remaining()];
    src.duplicate().get(bytes);
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (!text.startsWith(STATUS_400) || !text.endsWith("\r\n\r\n")) return false;
    String[] lines = text.substring(0, text.length() - 4).split("\r\n");
    return lines.length == 3 && Set.of(lines[1], lines[2]).equals(REFUSAL_HEADERS);
  }

  private static byte[] answer(ErrorReply reply) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Json.write(reply.body(), body);
    String head =
        "HTTP/1.1 "
            + reply.status()
            + " Bad Request\r\nContent-Type: application/json\r\nContent-Length: "
            + body.size()
            + "\r\nConnection: close\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }
}
