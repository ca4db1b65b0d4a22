package dev.chatcore.adapter.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The one JSON configuration of the HTTP adapter: parsing request bodies, writing replies. */
public final class Json {
  /** Deepest nesting accepted in a request body (contexts are objects, not towers). */
  static final int MAX_NESTING = 64;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                  // Requests run on virtual threads, one each: the default per-thread buffer
                  // recycling would allocate Jackson's buffers afresh for every request. A shared
                  // pool reuses them.
                  .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .registerModule(new BlackbirdModule());

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses a request body that must be a JSON object; an empty body reads as {@code {}}.
   *
   * @throws HttpProblem 400 when it is not a JSON object
   */
  public static JsonBody parseObject(byte[] body) {
    if (body.length == 0) return new JsonBody(MAPPER.createObjectNode(), "");
    JsonNode node;
    try {
      node = MAPPER.readTree(strictUtf8(body));
    } catch (JsonProcessingException e) {
      throw HttpProblem.badRequest("malformed JSON");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(node instanceof ObjectNode object))
      throw HttpProblem.badRequest("body must be a JSON object");
    return new JsonBody(object, "");
  }

  /**
   * The body as text, refusing anything but well-formed UTF-8: Jackson's own decoder lets overlong
   * forms through ({@code C0 AF} reads as {@code /}), and guesses UTF-16 or UTF-32 from the first
   * bytes. The JDK decoder refuses overlong forms, encoded surrogates and code points past
   * U+10FFFF.
   */
  private static String strictUtf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw HttpProblem.badRequest("request body is not valid UTF-8");
    }
  }

  /** Writes a reply body as UTF-8 JSON into {@code out}. */
  static void write(Object body, OutputStream out) {
    try {
      MAPPER.writeValue(out, body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write reply", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The compact text of a JSON subtree. */
  static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
