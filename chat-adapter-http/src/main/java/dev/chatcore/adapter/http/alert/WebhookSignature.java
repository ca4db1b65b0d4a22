package dev.chatcore.adapter.http.alert;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: {@code sha256=} and the hex HMAC-SHA256, keyed with the
 * secret, of {@code <timestamp>.<body>} — the timestamp header, a dot, the raw body bytes. Signing
 * the timestamp lets a receiver refuse replays of old requests; comparing in constant time ({@link
 * #verify}) keeps the signature from leaking through timing.
 */
public final class WebhookSignature {
  /** The header holding the signature. */
  public static final String HEADER = "X-Chat-Signature";

  /** The header holding the Unix time (seconds) the attempt was signed at. */
  public static final String TIMESTAMP_HEADER = "X-Chat-Timestamp";

  private final SecretKeySpec key;

  public WebhookSignature(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String sign(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256"); // not thread-safe: one per signature
      mac.init(key);
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * What a receiver does: true when {@code signature} is this secret's for the timestamp and body.
   */
  public boolean verify(long timestamp, byte[] body, String signature) {
    return signature != null
        && MessageDigest.isEqual(
            sign(timestamp, body).getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII));
  }
}
