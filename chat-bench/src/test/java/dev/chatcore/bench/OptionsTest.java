package dev.chatcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void readsValuesFlagsAndDefaults() {
    Options o =
        Options.parse(List.of("--users", "500", "--saturate", "--rate=12.5", "--steps", "20,50"));
    assertEquals(500, o.integer("users", 1000));
    assertTrue(o.flag("saturate", false));
    assertEquals(12.5, o.decimal("rate", 20), 1e-9);
    assertEquals(List.of(20.0, 50.0), o.decimals("steps", List.of()));
    assertEquals(300, o.integer("messages", 300));
    assertTrue(o.unused().isEmpty());
  }

  @Test
  void namesOptionsNobodyRead() {
    Options o = Options.parse(List.of("--usres", "5", "--rate", "1"));
    o.decimal("rate", 20);
    assertEquals(List.of("--usres"), o.unused());
  }

  @Test
  void rejectsMalformedInput() {
    assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("users", "5")));
    assertThrows(
        IllegalArgumentException.class, () -> Options.parse(List.of("--a", "1", "--a", "2")));
    Options o = Options.parse(List.of("--users", "many", "--rate", "-3", "--users2", "0"));
    assertThrows(IllegalArgumentException.class, () -> o.integer("users", 1));
    assertThrows(IllegalArgumentException.class, () -> o.decimal("rate", 1));
    assertThrows(IllegalArgumentException.class, () -> o.number("users2", 5, 1, 10));
  }

  @Test
  void flagValuesAndPairs() {
    Options o = Options.parse(List.of("--compare-hello", "false", "--server-env", "A=1, B=x=y"));
    assertFalse(o.flag("compare-hello", true));
    assertEquals(Map.of("A", "1", "B", "x=y"), o.pairs("server-env"));
  }

  @Test
  void jvmOptionsSplitOnWhitespace() {
    assertEquals(List.of("-Xms512m", "-Xmx512m"), Context.splitOpts("  -Xms512m   -Xmx512m "));
    assertEquals(List.of(), Context.splitOpts(""));
  }
}
