package dev.chatcore.bench;

import java.util.Locale;

/**
 * The few wire details the hot loops need, without a JSON parser: request bodies built as strings,
 * and {@code "next_batch"} and {@code BENCH#<seq>#<nanos>} markers found by {@code indexOf}.
 */
final class Wire {
  static final String MARK = "BENCH#";
  private static final String NEXT_BATCH = "\"next_batch\"";

  private Wire() {}

  /** {@code {"type":"m.plain","content":{"text":...}}} */
  static String message(String text) {
    return "{\"type\":\"m.plain\",\"content\":{\"text\":" + quote(text) + "}}";
  }

  /**
   * An {@code m.encrypted} message whose ciphertext has as many characters as {@code text}: the
   * same bytes on the wire as the plain message, give or take the envelope.
   */
  static String encrypted(String text, String device) {
    return "{\"type\":\"m.encrypted\",\"content\":{\"algorithm\":\"m.megolm.v1.aes-sha2\",\"ciphertext\":"
        + quote(text)
        + ",\"session_id\":\"S\",\"device_id\":\""
        + device
        + "\"}}";
  }

  static String marker(long seq, long nanos) {
    return MARK + seq + "#" + nanos;
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  /**
   * The string value of {@code "next_batch"}, or null when absent or not a string. Ids need no
   * unescaping.
   */
  static String nextBatch(String json) {
    int i = json.lastIndexOf(NEXT_BATCH);
    if (i < 0) return null;
    int j = i + NEXT_BATCH.length();
    if (j < json.length() && json.charAt(j) != ' ' && json.charAt(j) != ':') return null;
    while (j < json.length() && (json.charAt(j) == ' ' || json.charAt(j) == ':')) j++;
    if (j >= json.length() || json.charAt(j) != '"') return null;
    int end = json.indexOf('"', j + 1);
    return end < 0 ? null : json.substring(j + 1, end);
  }

  /**
   * The value of the first {@code "name":"value"} in {@code json}, unescaped not at all (ids), or
   * null.
   */
  static String stringField(String json, String name) {
    String key = "\"" + name + "\"";
    int i = json.indexOf(key);
    if (i < 0) return null;
    int j = i + key.length();
    while (j < json.length() && (json.charAt(j) == ' ' || json.charAt(j) == ':')) j++;
    if (j >= json.length() || json.charAt(j) != '"') return null;
    int end = json.indexOf('"', j + 1);
    return end < 0 ? null : json.substring(j + 1, end);
  }

  /** Receives each marker found in a response body. */
  interface MarkerSink {
    void accept(long seq, long nanos);
  }

  /** Calls {@code sink} for every {@code BENCH#<seq>#<nanos>} in {@code body}; returns how many. */
  static int scan(String body, MarkerSink sink) {
    int found = 0;
    int i = 0;
    while ((i = body.indexOf(MARK, i)) >= 0) {
      i += MARK.length();
      int j = digitsEnd(body, i);
      if (j == i || j >= body.length() || body.charAt(j) != '#') continue;
      int k = digitsEnd(body, j + 1);
      if (k == j + 1) continue;
      sink.accept(Long.parseLong(body, i, j, 10), Long.parseLong(body, j + 1, k, 10));
      found++;
      i = k;
    }
    return found;
  }

  private static int digitsEnd(String s, int from) {
    int i = from;
    while (i < s.length() && i - from < 19 && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
    return i;
  }

  /** Occurrences of {@code needle} in {@code s}. */
  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) n++;
    return n;
  }
}
