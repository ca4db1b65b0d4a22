package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.application.Caller;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.id.AccountId;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCommandTest {
  @Test
  void signsTokensShapedLikeTheServerExpects() {
    Map<String, String> env =
        Map.of(
            "CHAT_AUTH_SECRET",
            "0123456789abcdef0123456789abcdef",
            "CHAT_AUTH_ISSUER",
            "https://auth.studio.example",
            "CHAT_AUTH_AUDIENCE",
            "chat",
            "CHAT_AUTH_CLAIM_SUB",
            "player_id",
            "CHAT_AUTH_CLAIM_ADMIN",
            "roles:chat-admin");
    String token =
        TokenCommand.run(
            new String[] {"token", "--sub", "0123456789abcdef01234567", "--admin", "--name", "Ada"},
            env);
    ServerConfig config = ServerConfig.fromEnvironment(env);
    try (JwtTokens tokens =
        new JwtTokens(
            config.auth().settings(config.authSecret().orElseThrow()), Clock.systemUTC())) {
      assertEquals(
          new Caller(new AccountId("0123456789abcdef01234567"), "Ada", true), tokens.verify(token));
    }
  }

  @Test
  void signsATokenForADevice() {
    Map<String, String> env = Map.of("CHAT_AUTH_SECRET", "0123456789abcdef0123456789abcdef");
    String token =
        TokenCommand.run(
            new String[] {"token", "--sub", "0123456789abcdef01234567", "--device", "PHONE1"}, env);
    try (JwtTokens tokens = new JwtTokens("0123456789abcdef0123456789abcdef", Clock.systemUTC())) {
      assertEquals(Optional.of(new DeviceId("PHONE1")), tokens.verify(token).device());
    }
    assertThrows(
        ConfigException.class,
        () ->
            TokenCommand.run(
                new String[] {"token", "--sub", "0123456789abcdef01234567", "--device", "no/slash"},
                env));
  }
}
