package dev.chatcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransportTest {
  @Test
  void defaultsToLongPollAndReadsAListInItsOrder() {
    assertEquals(List.of(Transport.SYNC), Transport.parse(Options.parse(List.of())));
    assertEquals(
        List.of(Transport.SSE, Transport.SYNC, Transport.WS),
        Transport.parse(Options.parse(List.of("--transport", "sse, sync,WS"))));
  }

  @Test
  void refusesUnknownRepeatedAndEmptyTransports() {
    assertEquals(
        "--transport must be sync, sse or ws (or a list), got 'grpc'",
        assertThrows(
                IllegalArgumentException.class,
                () -> Transport.parse(Options.parse(List.of("--transport", "sse,grpc"))))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Transport.parse(Options.parse(List.of("--transport", "ws,ws"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> Transport.parse(Options.parse(List.of("--transport", ","))));
  }
}
