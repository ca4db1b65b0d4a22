package dev.chatcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {
  @Test
  void findsNextBatchAndMarkers() {
    String body =
        "{\"events\":[{\"content\":{\"text\":\"BENCH#7#123456\"}},{\"content\":{\"text\":\"WARM#1\"}},"
            + "{\"content\":{\"text\":\"BENCH#8#99\"}}],\"next_batch\": \"0000000000000000000000ab\",\"limited\":false}";
    assertEquals("0000000000000000000000ab", Wire.nextBatch(body));
    List<long[]> found = new ArrayList<>();
    assertEquals(2, Wire.scan(body, (seq, nanos) -> found.add(new long[] {seq, nanos})));
    assertEquals(7, found.get(0)[0]);
    assertEquals(123456, found.get(0)[1]);
    assertEquals(8, found.get(1)[0]);
  }

  @Test
  void ignoresBrokenMarkersAndMissingCursor() {
    assertEquals(0, Wire.scan("BENCH# BENCH#12 BENCH#x#1 BENCH#3#", (a, b) -> {}));
    assertNull(Wire.nextBatch("{\"events\":[]}"));
    assertNull(Wire.nextBatch("{\"next_batch\":null}"));
  }

  @Test
  void quotesJson() {
    assertEquals(
        "{\"type\":\"m.plain\",\"content\":{\"text\":\"a\\\"b\\\\c\\u000a\"}}",
        Wire.message("a\"b\\c\n"));
    assertEquals(3, Wire.count("x\"key\"y\"key\"z\"key\"", "\"key\""));
  }

  @Test
  void acceptsOnlyLoopbackTargets() {
    assertEquals("http://127.0.0.1:8080", Target.of("http://127.0.0.1:8080", "s", 1).url());
    assertEquals(9, Target.of("http://[::1]:9", "s", 1).port());
    Target.of("http://localhost:1", null, -1);
    Target.of("http://127.255.0.3:1", null, -1);
    for (String bad :
        List.of(
            "http://10.0.0.1:80",
            "http://128.0.0.1:80",
            "http://example.com:80",
            "http://127.0.0.1.nip.io:80",
            "https://127.0.0.1:443",
            "http://127.0.0.1")) {
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> Target.of(bad, "s", 1), bad);
    }
  }

  @Test
  void parsesHeapInfo() {
    String g1 =
        "123:\n garbage-first heap   total reserved 524288K, committed 524288K, used 2926K [0x0, 0x1)\n"
            + "  region size 1024K, 0 young (0K), 0 survivors (0K)\n Metaspace       used 1000K, committed 1100K, reserved 1114112K\n";
    assertEquals(2926, Jcmd.parseUsedKib(g1));
    String parallel =
        " PSYoungGen      total 152576K, used 7864K [0x0)\n  eden space 131072K, 6% used\n"
            + " ParOldGen       total 348160K, used 1000K [0x0)\n";
    assertEquals(8864, Jcmd.parseUsedKib(parallel));
    assertEquals(
        30 * 1024,
        Jcmd.parseUsedKib(" ZHeap           used 30M, capacity 512M, max capacity 512M\n"));
  }
}
