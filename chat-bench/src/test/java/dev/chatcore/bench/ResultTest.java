package dev.chatcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResultTest {
  @Test
  void writesOneFlatJsonObjectInInsertionOrder() {
    Result r =
        new Result()
            .put("scenario", "fanout")
            .put("ok", true)
            .put("p99_ms", 12.3456)
            .put("lost", 0L)
            .put("nothing", Double.NaN)
            .put("big", 1000.0)
            .put("ok", false);
    assertEquals(
        "{\"scenario\":\"fanout\",\"ok\":false,\"p99_ms\":12.35,\"lost\":0,\"nothing\":null,\"big\":1000}",
        r.json());
  }
}
