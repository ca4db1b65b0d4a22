package dev.chatcore.domain.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes new ids for accounts, rooms, reports and invites in the MongoDB ObjectId layout: 4 bytes of
 * seconds, 5 random bytes fixed per generator, 3 bytes of a counter. Unique across nodes with
 * overwhelming probability; thread-safe. Event ids are not made here: they are stream positions
 * assigned by the event log.
 */
public final class IdGenerator {
  private final Clock clock;
  private final byte[] processPart = new byte[5];
  private final AtomicInteger counter;

  public IdGenerator(Clock clock) {
    this.clock = clock;
    SecureRandom random = new SecureRandom();
    random.nextBytes(processPart);
    this.counter = new AtomicInteger(random.nextInt());
  }

  /** A fresh 24-hex id string. */
  public String next() {
    long seconds = clock.instant().getEpochSecond();
    int count = counter.getAndIncrement();
    byte[] bytes = new byte[12];
    bytes[0] = (byte) (seconds >>> 24);
    bytes[1] = (byte) (seconds >>> 16);
    bytes[2] = (byte) (seconds >>> 8);
    bytes[3] = (byte) seconds;
    System.arraycopy(processPart, 0, bytes, 4, 5);
    bytes[9] = (byte) (count >>> 16);
    bytes[10] = (byte) (count >>> 8);
    bytes[11] = (byte) count;
    return HexFormat.of().formatHex(bytes);
  }

  public RoomId nextRoomId() {
    return new RoomId(next());
  }

  public AccountId nextAccountId() {
    return new AccountId(next());
  }
}
