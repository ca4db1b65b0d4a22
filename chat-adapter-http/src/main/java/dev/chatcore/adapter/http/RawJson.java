package dev.chatcore.adapter.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The exact bytes of values inside a request body, for what must be handed back as it came: signed
 * JSON (device keys, one-time keys). Their signatures are over the uploader's canonical form, which
 * a re-serialised copy may not reproduce (escapes, number forms), so the server keeps the text.
 * Reads the body a second time with Jackson's streaming parser, which reports byte offsets; the
 * body was already parsed and checked by {@link Json#parseObject}.
 */
public final class RawJson {
  private final byte[] body;

  RawJson(byte[] body) {
    this.body = body;
  }

  /**
   * The members of the object at {@code path} (field names from the top), by name in order, each as
   * its exact text; empty when there is no such object.
   */
  public Map<String, String> members(String... path) {
    Map<String, String> out = new LinkedHashMap<>();
    try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT || !descend(p, path, 0)) return out;
      if (p.currentToken() != JsonToken.START_OBJECT) return out;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        out.put(name, valueText(p));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The exact text of the value at {@code path}, when present. */
  public Optional<String> value(String... path) {
    try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT || !descend(p, path, 0)) return Optional.empty();
      return Optional.of(valueText(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves the parser, inside an object, onto the value of {@code path[depth...]}. */
  private static boolean descend(JsonParser p, String[] path, int depth) throws IOException {
    if (depth == path.length) return true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      boolean match = p.currentName().equals(path[depth]);
      JsonToken value = p.nextToken();
      if (match)
        return depth + 1 == path.length
            || (value == JsonToken.START_OBJECT && descend(p, path, depth + 1));
      p.skipChildren();
    }
    return false;
  }

  /** The text of the value the parser is on, which it then leaves behind. */
  private String valueText(JsonParser p) throws IOException {
    int start = (int) p.currentTokenLocation().getByteOffset();
    p.skipChildren();
    int end = (int) p.currentLocation().getByteOffset();
    return new String(Arrays.copyOfRange(body, start, end), StandardCharsets.UTF_8);
  }
}
