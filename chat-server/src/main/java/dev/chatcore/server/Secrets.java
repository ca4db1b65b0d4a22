package dev.chatcore.server;

import java.security.SecureRandom;
import java.util.Base64;

/** A fresh random auth secret for servers started without {@code CHAT_AUTH_SECRET}. */
final class Secrets {
  private Secrets() {}

  static String generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
