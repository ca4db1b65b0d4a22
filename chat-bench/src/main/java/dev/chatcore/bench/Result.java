package dev.chatcore.bench;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run: flat snake_case keys in insertion order, printed at the end as one {@code
 * RESULT {json}} line, plus human-readable summary lines printed above it. Doubles are rounded to
 * two decimals; NaN (nothing measured) becomes JSON null.
 */
final class Result {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final List<String> lines = new ArrayList<>();

  synchronized Result put(String key, Object value) {
    values.put(key, value);
    return this;
  }

  synchronized Object get(String key) {
    return values.get(key);
  }

  synchronized double getDouble(String key) {
    return values.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** Adds a summary line (String.format with Locale.ROOT). */
  synchronized void line(String format, Object... args) {
    lines.add(String.format(Locale.ROOT, format, args));
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  synchronized String json() {
    ObjectNode o = JSON.createObjectNode();
    for (var e : values.entrySet()) {
      Object v = e.getValue();
      switch (v) {
        case null -> o.putNull(e.getKey());
        case Double d when d.isNaN() || d.isInfinite() -> o.putNull(e.getKey());
        case Double d ->
            o.put(
                e.getKey(),
                BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros());
        case Float f ->
            o.put(
                e.getKey(),
                BigDecimal.valueOf(f).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros());
        case Integer i -> o.put(e.getKey(), i);
        case Long l -> o.put(e.getKey(), l);
        case Boolean b -> o.put(e.getKey(), b);
        default -> o.put(e.getKey(), v.toString());
      }
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ratio rounded by {@link #json()}; NaN when the divisor is 0. */
  static double ratio(double a, double b) {
    return b == 0 ? Double.NaN : a / b;
  }
}
