package dev.chatcore.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every scenario shares: the options, the server under test (started lazily, so that the
 * `hello` reference run of {@code send} happens before the chat server exists), token minting, and
 * the run's deadline ({@code --max-seconds}).
 */
final class Context implements AutoCloseable {
  static final Pattern CHAT_READY = Pattern.compile("chat-server listening on (http://\\S+)");
  static final Pattern HELLO_READY = Pattern.compile("hello-server listening on (http://\\S+)");
  static final Pattern PUSH_FLOOR_READY =
      Pattern.compile("push-floor-server listening on (http://\\S+)");

  final Options options;
  final long deadlineNanos;
  private final String url;
  private final String givenSecret;
  private final long givenPid;
  private final String serverJar;
  private final List<String> jvmOpts;
  private final String storage;
  private final String mongoUri;
  private de.bwaldvogel.mongo.MongoServer embeddedMongo;
  private final Map<String, String> serverEnv;
  private final Path logDir;
  private final int startTimeoutS;
  private final String rateLimit;
  private Target target;
  private ManagedProcess server;
  private ManagedProcess secondServer;
  private List<String> serverCommand;
  private Map<String, String> serverEnvironment;
  private Tokens tokens;

  Context(Options o, long deadlineNanos) {
    this.options = o;
    this.deadlineNanos = deadlineNanos;
    this.url = o.string("url", null);
    this.givenSecret = o.string("secret", System.getenv("CHAT_AUTH_SECRET"));
    this.givenPid = o.number("pid", -1, -1, Long.MAX_VALUE);
    this.serverJar = o.string("server-jar", null);
    this.jvmOpts = splitOpts(o.string("server-jvm-opts", "-Xms512m -Xmx512m"));
    this.storage = o.string("storage", "memory");
    this.mongoUri = o.string("mongo-uri", null);
    this.serverEnv = o.pairs("server-env");
    this.logDir = Path.of(o.string("log-dir", defaultLogDir().toString()));
    this.startTimeoutS = o.integer("server-start-timeout", 30);
    this.rateLimit = o.string("server-rate-limit", "1000000");
    if (!rateLimit.equals("default")) o.number("server-rate-limit", 1, 1, 1_000_000);
    if (url != null) {
      Target.of(url, "x".repeat(32), givenPid); // validates loopback now, before any work
      if (givenSecret == null)
        throw new IllegalArgumentException("--url needs --secret (the server's CHAT_AUTH_SECRET)");
    }
    if (!storage.equals("memory") && !storage.equals("mongodb"))
      throw new IllegalArgumentException("--storage memory|mongodb");
    if (storage.equals("mongodb") && mongoUri == null && url == null)
      throw new IllegalArgumentException("--storage mongodb needs --mongo-uri");
  }

  static List<String> splitOpts(String s) {
    return s == null || s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));
  }

  /** The chat server: the one at {@code --url}, or one started now as a subprocess. */
  synchronized Target target() throws IOException, InterruptedException {
    if (target != null) return target;
    if (url != null) {
      target = Target.of(url, givenSecret, givenPid);
      return target;
    }
    String secret = Tokens.randomSecret(48);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CHAT_HOST", "127.0.0.1");
    env.put("CHAT_PORT", "0");
    env.put("CHAT_AUTH_SECRET", secret);
    env.put("CHAT_STORAGE", storage);
    if ("embedded".equals(mongoUri)) {
      // mongo-java-server in this JVM: no install needed, but it is not a real MongoDB
      // (docs/performance.md)
      embeddedMongo =
          new de.bwaldvogel.mongo.MongoServer(
              new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
      InetSocketAddress at = embeddedMongo.bind();
      env.put("CHAT_MONGO_URI", "mongodb://127.0.0.1:" + at.getPort());
    } else if (mongoUri != null) {
      env.put("CHAT_MONGO_URI", mongoUri);
    }
    if (!rateLimit.equals("default")) {
      // Capacity, not the per-account token bucket (SPEC §5: 20/s, burst 40), is what the scenarios
      // measure.
      env.put("CHAT_RATE_LIMIT_PER_SECOND", rateLimit);
      env.put("CHAT_RATE_LIMIT_BURST", rateLimit);
    }
    env.putAll(serverEnv);
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable());
    cmd.addAll(jvmOpts);
    cmd.add("-jar");
    cmd.add(serverJarPath().toString());
    Path log = logDir.resolve("bench-server.log");
    System.err.println("starting chat-server: " + String.join(" ", cmd) + " (log " + log + ")");
    server = ManagedProcess.start("chat-server", cmd, env, CHAT_READY, log, startTimeoutS);
    serverCommand = cmd;
    serverEnvironment = env;
    target = Target.of(server.url(), secret, server.pid());
    System.err.println("chat-server ready at " + target.url() + " pid " + server.pid());
    return target;
  }

  /** Whether the bench started the server itself (then it also knows its pid, secret and JVM). */
  boolean ownsServer() {
    return server != null;
  }

  synchronized Tokens tokens() throws IOException, InterruptedException {
    if (tokens == null) tokens = new Tokens(target().secret());
    return tokens;
  }

  /** Starts the Undertow hello-world of this jar with the same JVM options as the chat server. */
  ManagedProcess startHello() throws IOException, InterruptedException {
    return startReference("hello-server", HelloServer.class, HELLO_READY, List.of());
  }

  /**
   * Starts {@link PushFloorServer}, writing frames of {@code frameBytes}, as {@link #startHello}.
   */
  ManagedProcess startPushFloor(int frameBytes) throws IOException, InterruptedException {
    return startReference(
        "push-floor-server",
        PushFloorServer.class,
        PUSH_FLOOR_READY,
        List.of("0", Integer.toString(frameBytes)));
  }

  private ManagedProcess startReference(
      String name, Class<?> main, Pattern ready, List<String> args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable());
    cmd.addAll(jvmOpts);
    cmd.add("-cp");
    cmd.add(ownJar().toString());
    cmd.add(main.getName());
    cmd.addAll(args);
    return ManagedProcess.start(
        name, cmd, Map.of(), ready, logDir.resolve("bench-" + name + ".log"), startTimeoutS);
  }

  List<String> jvmOpts() {
    return List.copyOf(jvmOpts);
  }

  String storage() {
    return storage;
  }

  /** The rate limit the bench gave the server it started ("default" = the server's own). */
  String rateLimit() {
    return rateLimit;
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private Path serverJarPath() throws IOException {
    List<Path> candidates = new ArrayList<>();
    if (serverJar != null) candidates.add(Path.of(serverJar));
    else {
      candidates.add(Path.of("chat-server", "target", "chat-server.jar"));
      Path own = ownJar().toAbsolutePath().getParent();
      if (own != null && own.getParent() != null && own.getParent().getParent() != null) {
        candidates.add(
            own.getParent()
                .getParent()
                .resolve("chat-server")
                .resolve("target")
                .resolve("chat-server.jar"));
      }
    }
    for (Path p : candidates) if (Files.isRegularFile(p)) return p.toAbsolutePath();
    throw new IOException(
        "chat-server jar not found (looked at "
            + candidates
            + "); build it, pass --server-jar PATH, or target a running server with --url and --secret");
  }

  static Path ownJar() {
    try {
      return Path.of(Context.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("chat-bench", "target", "chat-bench.jar");
    }
  }

  private static Path defaultLogDir() {
    Path own = ownJar();
    Path dir = own.getParent();
    return Files.isRegularFile(own) && dir != null ? dir : Path.of("target");
  }

  /** Seconds left before the watchdog fires. */
  double secondsLeft() {
    return (deadlineNanos - System.nanoTime()) / 1e9;
  }

  /**
   * A second server process on the same storage, secret and options as {@link #target()}: node B of
   * a two-node chat (only meaningful on MongoDB, where nodes share the stream).
   */
  synchronized Target secondTarget() throws IOException, InterruptedException {
    Target first = target();
    if (serverCommand == null)
      throw new BenchFailure("a second node needs a server started by the bench (no --url)");
    if (!storage.equals("mongodb"))
      throw new BenchFailure("a second node needs --storage mongodb (memory nodes share nothing)");
    if (secondServer == null) {
      secondServer =
          ManagedProcess.start(
              "chat-server-b",
              serverCommand,
              serverEnvironment,
              CHAT_READY,
              logDir.resolve("bench-server-b.log"),
              startTimeoutS);
    }
    return Target.of(secondServer.url(), first.secret(), secondServer.pid());
  }

  @Override
  public synchronized void close() {
    if (secondServer != null) secondServer.close();
    if (server != null) server.close();
    if (embeddedMongo != null) embeddedMongo.shutdownNow();
  }
}
