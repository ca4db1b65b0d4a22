package dev.chatcore.domain.room;

import dev.chatcore.domain.error.InvalidInputException;
import java.util.Objects;

/**
 * A room's end-to-end encryption, on for good once turned on: members send {@code m.encrypted}
 * events only, which the server stores and delivers without reading them.
 *
 * @param algorithm how members encrypt room messages; Megolm is the only one
 */
public record RoomEncryption(String algorithm) {
  /** Megolm, as Matrix names it. */
  public static final String MEGOLM = "m.megolm.v1.aes-sha2";

  public RoomEncryption {
    Objects.requireNonNull(algorithm, "algorithm");
    if (!algorithm.equals(MEGOLM))
      throw new InvalidInputException("algorithm", "must be " + MEGOLM);
  }

  public static RoomEncryption megolm() {
    return new RoomEncryption(MEGOLM);
  }
}
