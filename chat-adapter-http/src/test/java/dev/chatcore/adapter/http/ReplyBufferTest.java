package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyBufferTest {

  private static byte[] bytesOf(ReplyBuffer buffer) {
    ByteBuffer view = buffer.view();
    byte[] out = new byte[view.remaining()];
    view.get(out);
    return out;
  }

  @Test
  void growsAndShowsExactlyWhatWasWritten() {
    ReplyBuffer buffer = ReplyBuffer.take();
    byte[] big = "x".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
    buffer.write('[');
    buffer.write(big, 0, big.length);
    buffer.write(']');
    assertEquals(100_002, buffer.length());
    byte[] seen = bytesOf(buffer);
    assertEquals('[', seen[0]);
    assertEquals(']', seen[100_001]);
    buffer.release();
  }

  @Test
  void aReusedBufferHoldsOnlyTheNewReply() {
    ReplyBuffer first = ReplyBuffer.take();
    byte[] big = "long reply ".repeat(5_000).getBytes(StandardCharsets.US_ASCII);
    first.write(big, 0, big.length);
    first.release();
    ReplyBuffer next =
        ReplyBuffer
            .take(); // this thread's last release is the pool's only free buffer, or a new one
    Json.write(Map.of("ok", true), next);
    assertArrayEquals("{\"ok\":true}".getBytes(StandardCharsets.UTF_8), bytesOf(next));
    next.release();
  }

  @Test
  void anOversizedBufferIsNotKept() {
    ReplyBuffer huge = ReplyBuffer.take();
    byte[] chunk = new byte[ReplyBuffer.MAX_KEPT_BYTES + 1];
    huge.write(chunk, 0, chunk.length);
    huge.release();
    for (int i = 0; i < ReplyBuffer.POOLED + 1; i++) assertNotSame(huge, ReplyBuffer.take());
  }
}
