package dev.chatcore.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * {@code java -jar chat-bench.jar <scenario> [--option value]...}: runs one scenario against a chat
 * server (started here as a subprocess, or a running one given by {@code --url}), prints a human
 * summary and then exactly one {@code RESULT {json}} line, also when the run fails ({@code "ok":
 * false}). A watchdog ends the run after {@code --max-seconds} (default 600).
 */
public final class Main {
  static final String USAGE =
      """
      usage: java -jar chat-bench.jar <scenario> [--option value]...
      scenarios:
        fanout   N receivers follow a channel; one sender posts M messages at R msg/s
                 --users 1000 --rate 20 --messages 300 --warmup 20 --grace 10 --wait 30000
                 --transport sync|sse|ws (or a list, e.g. sync,sse,ws: one run each, side by side; default sync)
                 --slow K: K receivers stop reading after the warm-up (slow consumers, not measured)
                 --compare-floor true: run pushfloor first (same users, rate, messages) and report each
                   transport's server CPU per delivery as a multiple of the floor's
                 --cross-node true (MongoDB only): receivers on node A, the sender on a second server, node B
                 --saturate true [--steps 5,10,20,50,100,200,400,800,1600,3200 --step-seconds 10 --p99-limit-ms 1000]
                 --sender-connections 8 --posts-per-sender-per-s 10
        send     C connections post messages to one channel, closed loop
                 --connections 64 --duration 15 --warmup-seconds 5 --compare-hello true
                 --encrypted false (true: m.encrypted into an encrypted channel, device tokens) --text-chars 0
        hello    the same client against an Undertow hello-world (2-byte body on the IO thread)
                 --connections 64 --duration 15 --warmup-seconds 5
        pushfloor  the floor under live push: N SSE receivers of an Undertow server that writes one
                 fixed frame to every stream on its IO thread per POST (no chat logic), R msg/s
                 --users 1000 --rate 20 --messages 300 --warmup 200 --frame-bytes 320 --grace 10
        parked   N held syncs (60 s) or idle streams: server heap and threads per held request, then one message to all
                 --users 10000 --wait 60000 --grace 20 --transport sync|sse|ws (or a list)
        history  GET /v1/rooms/{id}/messages?limit=100 on a seeded room (reactions, receipts), fixed rate
                 --rate 200 --duration 15 --seed-messages 120 --keys 20 --readers 100 --connections 16
        unread   GET /chat/?lastRead= for the SPEC §4 example player, fixed rate
                 --rate 1000 --duration 15 --connections 32 --last-read seed|<unix s> --private-rooms 1|0 --dms 20
        warm-up (fanout, history, unread): the load runs in rounds until the server's JIT compiler threads
                 use under --warmup-jit-quiet-pct 2 (% of one core) in a --warmup-round-seconds 5 round, after at
                 least --warmup-seconds 3 (fanout: --warmup messages), at most --warmup-max-seconds 120;
                 --warmup-jit-quiet-pct 0 = a fixed warm-up (JIT-cold figures)
        moderation  in-process, no server: JMH of the ban gate + rate limiter and the spam check per
                 request, and the rate limiter's heap per tracked account   --accounts 1000000 --iterations 5
        filter   in-process, no server: JMH of the word-list content filter per 200-character message
                 (a clean one, one hiding a term with evasions) and the list's compile time
                 --words 5000 --infix-pct 1 (share of *term* entries) --iterations 5
      server (default: start chat-server/target/chat-server.jar as a subprocess):
        --server-jar PATH  --server-jvm-opts "-Xms512m -Xmx512m"  --storage memory|mongodb
        --mongo-uri URI|embedded (mongo-java-server in the bench JVM)
        --server-env K=V,K2=V2 (extra environment)  --server-start-timeout 30  --log-dir DIR
        --server-rate-limit 1000000|default  (CHAT_RATE_LIMIT_PER_SECOND and _BURST; default lifts the limit)
        or a running server: --url http://127.0.0.1:PORT --secret S [--pid P]   (loopback only)
      common: --max-seconds 600  --out FILE (append the JSON line)  --tag NAME
              --quiet-pct 15 --quiet-max-s 60 (wait for an idle machine first; 0 = don't)
      """;

  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0
        || args[0].equals("--help")
        || args[0].equals("-h")
        || args[0].equals("help")) {
      System.out.print(USAGE);
      System.exit(args.length == 0 ? 2 : 0);
    }
    System.exit(run(args[0], Arrays.asList(args).subList(1, args.length), System.out));
  }

  static int run(String name, List<String> args, PrintStream out) {
    Result r = new Result();
    r.put("scenario", name).put("ok", true).put("started_at", Instant.now().toString());
    int tagAt = args.indexOf("--tag");
    if (tagAt >= 0 && tagAt + 1 < args.size()) r.put("tag", args.get(tagAt + 1));
    Options options;
    Scenario scenario;
    int maxSeconds;
    try {
      options = Options.parse(args);
      maxSeconds = (int) options.number("max-seconds", 600, 1, 24 * 3600);
      options.string("tag", null);
      scenario = scenarioFor(name).apply(options);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      return finish(r.put("ok", false).put("error", e.getMessage()), out, 2);
    }
    String outFile = options.string("out", null);
    double quietPct = options.decimal("quiet-pct", 15);
    double quietMax = options.has("quiet-max-s") ? options.number("quiet-max-s", 60, 0, 3600) : 60;
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    Thread watchdog = watchdog(maxSeconds, r, out);
    Runtime.getRuntime().addShutdownHook(new Thread(ManagedProcess::killAll));
    int status = 0;
    try (Context ctx = new Context(options, deadline)) {
      List<String> unknown = options.unused();
      if (!unknown.isEmpty())
        throw new IllegalArgumentException("unknown option(s) for " + name + ": " + unknown);
      r.put("max_seconds", maxSeconds);
      if (quietMax > 0) Quiet.await(quietPct, Math.min(quietMax, maxSeconds / 2.0), r);
      long t0 = System.nanoTime();
      try {
        scenario.run(ctx, r);
      } finally {
        describeTarget(ctx, r);
        r.put("run_s", (System.nanoTime() - t0) / 1e9);
      }
    } catch (BenchFailure | IllegalArgumentException e) {
      r.put("ok", false).put("error", e.getMessage());
      status = 1;
    } catch (Exception e) {
      r.put("ok", false).put("error", e.toString());
      status = 1;
    }
    watchdog.interrupt();
    if (Boolean.FALSE.equals(r.get("ok")) && status == 0) status = 1;
    if (outFile != null) append(outFile, r.json());
    return finish(r, out, status);
  }

  private static void append(String file, String json) {
    try {
      Files.writeString(
          Path.of(file), json + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("cannot append the result to " + file + ": " + e);
    }
  }

  private static Function<Options, Scenario> scenarioFor(String name) {
    return switch (name) {
      case "fanout" -> FanoutScenario::new;
      case "send" -> SendScenario::new;
      case "hello" -> HelloScenario::new;
      case "parked" -> ParkedScenario::new;
      case "history" -> HistoryScenario::new;
      case "unread" -> UnreadScenario::new;
      case "moderation" -> ModerationScenario::new;
      case "filter" -> FilterScenario::new;
      case "pushfloor" -> PushFloorScenario::new;
      default -> throw new IllegalArgumentException("unknown scenario '" + name + "'");
    };
  }

  private static void describeTarget(Context ctx, Result r) {
    r.put("server_started_by_bench", ctx.ownsServer());
    r.put("server_jvm_opts", ctx.ownsServer() ? String.join(" ", ctx.jvmOpts()) : "n/a");
    r.put("storage", ctx.ownsServer() ? ctx.storage() : "n/a");
    r.put("server_rate_limit", ctx.ownsServer() ? ctx.rateLimit() : "n/a");
    r.put("bench_java", System.getProperty("java.version"));
  }

  private static synchronized int finish(Result r, PrintStream out, int status) {
    for (String line : r.lines()) out.println(line);
    if (r.get("error") != null) out.println("ERROR: " + r.get("error"));
    out.println("RESULT " + r.json());
    out.flush();
    return status;
  }

  private static Thread watchdog(int maxSeconds, Result r, PrintStream out) {
    Thread wd =
        new Thread(
            () -> {
              try {
                Thread.sleep(maxSeconds * 1000L);
              } catch (InterruptedException e) {
                return;
              }
              System.err.println(
                  "WATCHDOG: the run exceeded --max-seconds " + maxSeconds + "; stopping");
              ManagedProcess.killAll();
              finish(
                  r.put("ok", false).put("error", "watchdog: exceeded --max-seconds " + maxSeconds),
                  out,
                  3);
              Runtime.getRuntime().halt(3);
            },
            "watchdog");
    wd.setDaemon(true);
    wd.start();
    return wd;
  }
}
