package dev.chatcore.adapter.http;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * A growable byte array that a reply body is serialized into, taken from a small shared pool and
 * given back once the response has been written. A 100-message history page is ~100 KB: writing it
 * into a fresh array per request (and copying that to its exact size) was a third of all the memory
 * a page request allocated, and the young collections it caused were the slow tail of the page's
 * latency. Not thread-safe: one reply uses one buffer at a time.
 */
final class ReplyBuffer extends OutputStream {
  /** Buffers kept between replies; more concurrent replies than this just allocate. */
  static final int POOLED = 64;

  /** A buffer grown beyond this is not kept (an unusually large reply should not stay resident). */
  static final int MAX_KEPT_BYTES = 1 << 20;

  private static final int INITIAL_BYTES = 16 * 1024;
  private static final ArrayBlockingQueue<ReplyBuffer> POOL = new ArrayBlockingQueue<>(POOLED);

  private byte[] bytes = new byte[INITIAL_BYTES];
  private int length;

  private ReplyBuffer() {}

  /** A cleared buffer from the pool, or a new one when the pool is empty. */
  static ReplyBuffer take() {
    ReplyBuffer buffer = POOL.poll();
    return buffer == null ? new ReplyBuffer() : buffer;
  }

  /** Returns the buffer to the pool; it must not be used (nor its {@link #view()}) afterwards. */
  void release() {
    length = 0;
    if (bytes.length <= MAX_KEPT_BYTES) POOL.offer(this);
  }

  /** The bytes written so far, without copying. Valid until {@link #release()}. */
  ByteBuffer view() {
    return ByteBuffer.wrap(bytes, 0, length);
  }

  int length() {
    return length;
  }

  @Override
  public void write(int b) {
    ensure(length + 1);
    bytes[length++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int count) {
    ensure(length + count);
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
  }

  private void ensure(int needed) {
    if (needed > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
  }
}
