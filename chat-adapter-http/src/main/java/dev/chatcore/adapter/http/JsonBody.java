package dev.chatcore.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.JsonObjectText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Strict, typed access to a JSON object body. A value of the wrong type is a 400 naming the field
 * (never coerced: {@code "text": 5} is refused); JSON {@code null} reads as absent.
 */
public final class JsonBody {
  private final ObjectNode node;
  private final String prefix;

  JsonBody(ObjectNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  private String name(String field) {
    return prefix + field;
  }

  private Optional<JsonNode> value(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  public boolean has(String field) {
    return value(field).isPresent();
  }

  /** The object's field names, in order. */
  public List<String> names() {
    List<String> out = new ArrayList<>(node.size());
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** True when the field holds a string (not absent, not null, not another type). */
  public boolean isString(String field) {
    return value(field).filter(JsonNode::isTextual).isPresent();
  }

  /** The path of a field of this object in error messages, e.g. {@code device_keys.keys}. */
  public String nameOf(String field) {
    return name(field);
  }

  public Optional<String> optionalString(String field) {
    return value(field)
        .map(
            v -> {
              if (!v.isTextual()) throw new InvalidInputException(name(field), "must be a string");
              return v.textValue();
            });
  }

  public String requiredString(String field) {
    return optionalString(field)
        .orElseThrow(() -> new InvalidInputException(name(field), "is required"));
  }

  public Optional<Long> optionalLong(String field) {
    return value(field)
        .map(
            v -> {
              if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new InvalidInputException(name(field), "must be an integer");
              }
              return v.longValue();
            });
  }

  public Optional<Integer> optionalInt(String field) {
    return optionalLong(field)
        .map(
            v -> {
              if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)
                throw new InvalidInputException(name(field), "is out of range");
              return v.intValue();
            });
  }

  /** Unix seconds as an instant; a number no instant can hold is a 400 naming the field. */
  public Optional<Instant> optionalEpochSecond(String field) {
    return optionalLong(field)
        .map(
            v -> {
              if (v < Instant.MIN.getEpochSecond() || v > Instant.MAX.getEpochSecond()) {
                throw new InvalidInputException(name(field), "is out of range");
              }
              return Instant.ofEpochSecond(v);
            });
  }

  public Optional<Boolean> optionalBoolean(String field) {
    return value(field)
        .map(
            v -> {
              if (!v.isBoolean())
                throw new InvalidInputException(name(field), "must be true or false");
              return v.booleanValue();
            });
  }

  /** A nested object, read with the same rules; field names in errors get its path. */
  public Optional<JsonBody> optionalObject(String field) {
    return value(field)
        .map(
            v -> {
              if (!(v instanceof ObjectNode o))
                throw new InvalidInputException(name(field), "must be a JSON object");
              return new JsonBody(o, name(field) + ".");
            });
  }

  public JsonBody requiredObject(String field) {
    return optionalObject(field)
        .orElseThrow(() -> new InvalidInputException(name(field), "is required"));
  }

  /** A nested object kept opaque, as its compact text (message context, room data, settings). */
  public Optional<JsonObjectText> optionalOpaqueObject(String field) {
    return value(field)
        .map(
            v -> {
              if (!v.isObject())
                throw new InvalidInputException(name(field), "must be a JSON object");
              return new JsonObjectText(Json.text(v));
            });
  }

  public Optional<List<String>> optionalStringList(String field) {
    return value(field)
        .map(
            v -> {
              if (!v.isArray())
                throw new InvalidInputException(name(field), "must be an array of strings");
              List<String> out = new ArrayList<>(v.size());
              for (JsonNode item : v) {
                if (!item.isTextual())
                  throw new InvalidInputException(name(field), "must be an array of strings");
                out.add(item.textValue());
              }
              return out;
            });
  }

  /** An array of objects, each read with the same rules; errors name {@code field[i].x}. */
  public Optional<List<JsonBody>> optionalObjectList(String field) {
    return value(field)
        .map(
            v -> {
              if (!v.isArray())
                throw new InvalidInputException(name(field), "must be an array of objects");
              List<JsonBody> out = new ArrayList<>(v.size());
              for (int i = 0; i < v.size(); i++) {
                if (!(v.get(i) instanceof ObjectNode o))
                  throw new InvalidInputException(
                      name(field) + "[" + i + "]", "must be a JSON object");
                out.add(new JsonBody(o, name(field) + "[" + i + "]."));
              }
              return out;
            });
  }

  /**
   * Refuses any field but {@code allowed} (for objects whose other fields the server owns).
   *
   * @throws InvalidInputException naming the first other field
   */
  public void allowOnly(Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!allowed.contains(field))
        throw new InvalidInputException(name(field), "is not allowed here");
    }
  }
}
