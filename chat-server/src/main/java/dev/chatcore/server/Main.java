package dev.chatcore.server;

import dev.chatcore.application.invite.BootstrapAdmin;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.invite.Invite;
import dev.chatcore.server.di.DaggerMemoryServerComponent;
import dev.chatcore.server.di.DaggerMongoServerComponent;
import dev.chatcore.server.di.ServerComponent;
import dev.chatcore.server.logging.LogSetup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point. {@code java -jar chat-server.jar} serves (configured by environment variables);
 * {@code java -jar chat-server.jar token ...} prints a signed token. A bad configuration value
 * prints one line and exits with status 2.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    try {
      if (args.length > 0 && args[0].equals("token")) {
        out.println(TokenCommand.run(args, System.getenv()));
        return;
      }
      if (args.length > 0)
        throw new ConfigException(
            args[0], "no argument, or: token --sub <24 hex> [--admin] [--name N]");
      serve(System.getenv(), out);
    } catch (ConfigException e) {
      System.err.println("chat-server: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void serve(Map<String, String> environment, PrintStream out) {
    Map<String, String> env = new HashMap<>(environment);
    ServerConfig config = ServerConfig.fromEnvironment(env);
    LogSetup.install(config.logging().format(), System.err);
    Optional<String> generated = Optional.empty();
    if (config.authSecret().isEmpty()) {
      generated = Optional.of(Secrets.generate());
      config = config.withAuthSecret(generated.get());
    }
    ChatServer server = start(config);
    announce(out, config, server, generated);
  }

  /** Builds the server for the configured storage and starts it; a failure exits with one line. */
  private static ChatServer start(ServerConfig config) {
    ServerComponent component =
        switch (config.storage()) {
          case MEMORY -> DaggerMemoryServerComponent.factory().create(config);
          case MONGODB -> DaggerMongoServerComponent.factory().create(config);
        };
    ChatServer server;
    try {
      server = component.server(); // connects to the storage and creates its indexes
    } catch (UnavailableException e) {
      throw exit(
          "chat-server: cannot start on "
              + config.storage().name().toLowerCase(Locale.ROOT)
              + ": "
              + e.getMessage()
              + config.mongo().map(m -> " (" + m.redactedUri() + ")").orElse(""));
    }
    try {
      server.start();
    } catch (RuntimeException e) {
      throw exit(
          "chat-server: cannot listen on "
              + config.host()
              + ":"
              + config.port()
              + ": "
              + rootMessage(e));
    }
    Signals.onTerminate(
        () -> {
          server.stop();
          System.exit(0);
        });
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "chat-shutdown"));
    return server;
  }

  /** What a new user needs from the first lines: a token recipe, the admin invite, the address. */
  private static void announce(
      PrintStream out, ServerConfig config, ChatServer server, Optional<String> generated) {
    generated.ifPresent(
        secret ->
            out.println(
                """
        CHAT_AUTH_SECRET was not set: this run signs tokens with a generated secret. Get a token with
          CHAT_AUTH_SECRET='%s' %s -jar chat-server/target/chat-server.jar token --sub 0123456789abcdef01234567 --admin
        Set CHAT_AUTH_SECRET (at least 32 bytes) to keep tokens valid across restarts."""
                    .formatted(
                        secret,
                        // the java running this server: the machine's default one may be too old
                        // for the jar
                        Path.of(System.getProperty("java.home"), "bin", "java"))));
    BootstrapAdmin bootstrap = server.core().bootstrapAdmin();
    bootstrap
        .adminInvite()
        .map(Invite::code)
        .ifPresent(
            code ->
                out.println(
                    "No admin account yet. One-time admin invite code: "
                        + code
                        + " (POST /v1/invites/redeem {\"code\":\""
                        + code
                        + "\",\"display_name\":\"admin\"})"));
    out.println(
        "storage: "
            + server.core().storage().kind()
            + "; sync delivery across nodes: "
            + server.core().storage().feed().delivery());
    out.println(server.moderation().describe());
    out.println(
        "tokens: HS256 (CHAT_AUTH_SECRET)"
            + config
                .auth()
                .jwks()
                .map(jwks -> ", RS256/ES256 (keys from " + jwks.url() + ")")
                .orElse(""));
    // before the start line, which tools wait for: once they see it, they have this one too
    server
        .managementAddress()
        .ifPresent(
            m ->
                out.println(
                    "metrics on http://"
                        + hostForUrl(m.getHostString())
                        + ":"
                        + m.getPort()
                        + "/metrics"));
    out.println(
        "chat-server listening on http://"
            + hostForUrl(server.address().getHostString())
            + ":"
            + server.address().getPort());
    out.flush();
  }

  /** Says why on one line and exits with 1; what it returns is for the caller to throw. */
  private static IllegalStateException exit(String line) {
    System.err.println(line);
    System.exit(1);
    return new IllegalStateException(line);
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) root = root.getCause();
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
