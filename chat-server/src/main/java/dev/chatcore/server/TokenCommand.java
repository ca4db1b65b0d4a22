package dev.chatcore.server;

import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.HexIds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar chat-server.jar token --sub <24 hex> [--admin] [--name N] [--device D] [--ttl-s
 * S]}: prints a token signed with {@code CHAT_AUTH_SECRET}, shaped as the server's {@code
 * CHAT_AUTH_*} variables say (issuer, audience, claim names).
 */
final class TokenCommand {
  static final String USAGE =
      "usage: chat-server token --sub <24 hex> [--admin] [--name NAME] [--device DEVICE_ID] [--ttl-s SECONDS]";

  private TokenCommand() {}

  static String run(String[] args, Map<String, String> env) {
    String sub = null;
    String name = "";
    boolean admin = false;
    Optional<DeviceId> device = Optional.empty();
    long ttl = 24 * 3600;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--sub" -> sub = value(args, ++i, "--sub");
        case "--name" -> name = value(args, ++i, "--name");
        case "--admin" -> admin = true;
        case "--device" -> {
          String d = value(args, ++i, "--device");
          if (!DeviceId.isValid(d))
            throw new ConfigException("--device", "1-64 characters of A-Z a-z 0-9 . _ - ~");
          device = Optional.of(new DeviceId(d));
        }
        case "--ttl-s" -> {
          try {
            ttl = Long.parseLong(value(args, ++i, "--ttl-s"));
          } catch (NumberFormatException e) {
            throw new ConfigException("--ttl-s", "a number of seconds");
          }
          if (ttl < 1) throw new ConfigException("--ttl-s", "a positive number of seconds");
        }
        default ->
            throw new ConfigException(
                args[i], "one of --sub, --admin, --name, --device, --ttl-s; " + USAGE);
      }
    }
    if (!HexIds.isValid(sub))
      throw new ConfigException("--sub", "a 24-character hex account id; " + USAGE);
    String secret = env.get("CHAT_AUTH_SECRET");
    if (secret == null
        || secret.isBlank()
        || secret.strip().getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new ConfigException(
          "CHAT_AUTH_SECRET", "the server's secret (at least 32 bytes) to sign the token");
    }
    // the same issuer, audience and claim names as the server, so that it accepts the token
    AuthConfig auth = AuthConfig.fromEnvironment(new ServerConfig.Reader(env));
    return new JwtTokens(auth.signing(secret.strip()), Clock.systemUTC())
        .issue(new AccountId(sub), name, admin, device, Duration.ofSeconds(ttl));
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) throw new ConfigException(flag, "a value; " + USAGE);
    return args[i];
  }
}
