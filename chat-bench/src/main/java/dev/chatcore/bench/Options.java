package dev.chatcore.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options: {@code --name value} pairs after the scenario name. A {@code --name}
 * followed by another option (or nothing) is a flag and reads as {@code "true"}. Every getter marks
 * its option as used, so that {@link #unused()} can name the options a scenario did not understand
 * (typos).
 */
final class Options {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> used = new HashSet<>();

  static Options parse(List<String> args) {
    Options o = new Options();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--") || a.length() == 2)
        throw new IllegalArgumentException("expected --option, got '" + a + "'");
      String name = a.substring(2);
      String value = "true";
      int eq = name.indexOf('=');
      if (eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      }
      if (o.values.put(name, value) != null)
        throw new IllegalArgumentException("option --" + name + " given twice");
    }
    return o;
  }

  boolean has(String name) {
    used.add(name);
    return values.containsKey(name);
  }

  String string(String name, String dflt) {
    used.add(name);
    return values.getOrDefault(name, dflt);
  }

  int integer(String name, int dflt) {
    return (int) number(name, dflt, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  long number(String name, long dflt, long min, long max) {
    String v = string(name, null);
    if (v == null) return dflt;
    long n;
    try {
      n = Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be an integer, got '" + v + "'");
    }
    if (n < min || n > max)
      throw new IllegalArgumentException(
          "--" + name + " must be in [" + min + ", " + max + "], got " + n);
    return n;
  }

  double decimal(String name, double dflt) {
    return decimal(name, dflt, false);
  }

  /** A number that may also be 0 (an "off" value). */
  double decimalOrZero(String name, double dflt) {
    return decimal(name, dflt, true);
  }

  private double decimal(String name, double dflt, boolean zeroAllowed) {
    String v = string(name, null);
    if (v == null) return dflt;
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d) || d < 0 || (d == 0 && !zeroAllowed))
        throw new NumberFormatException();
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--"
              + name
              + " must be a "
              + (zeroAllowed ? "non-negative" : "positive")
              + " number, got '"
              + v
              + "'");
    }
  }

  boolean flag(String name, boolean dflt) {
    String v = string(name, null);
    if (v == null) return dflt;
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default ->
          throw new IllegalArgumentException(
              "--" + name + " must be true or false, got '" + v + "'");
    };
  }

  /** A comma-separated list of positive numbers, e.g. {@code --steps 20,50,100}. */
  List<Double> decimals(String name, List<Double> dflt) {
    String v = string(name, null);
    if (v == null) return dflt;
    List<Double> out = new ArrayList<>();
    for (String part : v.split(",")) {
      if (part.isBlank()) continue;
      try {
        double d = Double.parseDouble(part.strip());
        if (!(d > 0) || !Double.isFinite(d)) throw new NumberFormatException();
        out.add(d);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--" + name + ": '" + part + "' is not a positive number");
      }
    }
    if (out.isEmpty()) throw new IllegalArgumentException("--" + name + " is empty");
    return Collections.unmodifiableList(out);
  }

  /** {@code KEY=VALUE} pairs separated by commas, e.g. {@code --server-env A=1,B=2}. */
  Map<String, String> pairs(String name) {
    String v = string(name, null);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) return out;
    for (String part : v.split(",")) {
      if (part.isBlank()) continue;
      int eq = part.indexOf('=');
      if (eq <= 0)
        throw new IllegalArgumentException("--" + name + ": '" + part + "' is not KEY=VALUE");
      out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
    }
    return out;
  }

  /** Options that were given but never read: misspelt or not meant for this scenario. */
  List<String> unused() {
    List<String> out = new ArrayList<>();
    for (String k : values.keySet()) if (!used.contains(k)) out.add("--" + k);
    return out;
  }
}
