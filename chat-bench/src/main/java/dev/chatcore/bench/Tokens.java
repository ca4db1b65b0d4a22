package dev.chatcore.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * Mints HS256 tokens the way SPEC §2 describes them: {@code sub} = a fresh 24-hex account id per
 * simulated user and run, {@code exp} = now + 1 h, {@code name}, and {@code admin: true} only for
 * admins.
 */
final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final MACSigner signer;

  Tokens(String secret) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < 32)
      throw new IllegalArgumentException("the auth secret must be at least 32 bytes");
    try {
      signer = new MACSigner(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable auth secret: " + e.getMessage(), e);
    }
  }

  /** A random secret of {@code length} letters and digits. */
  static String randomSecret(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return b.toString();
  }

  /** A fresh 24 lower-case hex account id. */
  static String newAccountId() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  BenchUser user(String name, boolean admin) {
    String id = newAccountId();
    return new BenchUser(id, name, admin, mint(id, name, admin));
  }

  /** {@code count} users named {@code prefix0}, {@code prefix1}, ... */
  List<BenchUser> users(String prefix, int count) {
    List<BenchUser> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) out.add(user(prefix + i, false));
    return out;
  }

  /**
   * {@code count} users on devices {@code prefix0}, ... (tokens with a {@code device_id} claim).
   */
  List<BenchUser> usersOnDevices(String prefix, int count) {
    List<BenchUser> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = newAccountId();
      out.add(new BenchUser(id, prefix + i, false, mint(id, prefix + i, false, "D" + i)));
    }
    return out;
  }

  String mint(String sub, String name, boolean admin) {
    return mint(sub, name, admin, null);
  }

  /**
   * @param device the {@code device_id} claim, or null for none
   */
  String mint(String sub, String name, boolean admin, String device) {
    long now = System.currentTimeMillis();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(sub)
            .issueTime(new Date(now))
            .expirationTime(new Date(now + 3_600_000L))
            .claim("name", name);
    if (admin) claims.claim("admin", true);
    if (device != null) claims.claim("device_id", device);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
