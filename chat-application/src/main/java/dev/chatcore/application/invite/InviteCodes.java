package dev.chatcore.application.invite;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable invite codes: 96 random bits as 24 hex characters. */
final class InviteCodes {
  private static final SecureRandom RANDOM = new SecureRandom();

  private InviteCodes() {}

  static String next() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
