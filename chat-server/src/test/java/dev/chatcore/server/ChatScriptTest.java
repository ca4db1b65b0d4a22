package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code ./chat} (the README's commands) finds a JDK 21+: against fake JDKs whose {@code
 * bin/java} only prints a version, with {@code CHAT_JDK_ROOTS} standing in for /usr/lib/jvm and the
 * other install folders. {@code ./chat} is a POSIX shell script, like the README's commands (on
 * Windows: WSL), so this test runs everywhere the build is supported.
 */
class ChatScriptTest {
  private static final Path SCRIPT =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().resolve("chat");

  @TempDir Path dir;

  @Test
  void takesTheNewestJdkInTheInstallFoldersWhenTheDefaultJavaIsOlder() throws Exception {
    Path old = jdk("default/jdk-17", "17.0.15", true);
    jdk("jvm/jdk-8", "1.8.0_392", true);
    jdk("jvm/jdk-21", "21.0.8", true);
    Path newest = jdk("jvm/jdk-25", "25", true);
    jdk("jvm/jre-26", "26", false); // no javac: Maven cannot compile with it
    assertEquals(new Result(0, newest.toString(), ""), chatJdk(old, null));
  }

  @Test
  void takesJavaHomeWhenItIsAJdk21OrNewer() throws Exception {
    Path old = jdk("default/jdk-17", "17.0.15", true);
    Path home = jdk("home/jdk-21", "21.0.8", true);
    jdk("jvm/jdk-25", "25", true);
    assertEquals(new Result(0, home.toString(), ""), chatJdk(old, home));
  }

  @Test
  void passesOverAJavaHomeThatIsTooOld() throws Exception {
    Path old = jdk("default/jdk-17", "17.0.15", true);
    Path found = jdk("jvm/jdk-26-ea", "26-ea", true);
    assertEquals(new Result(0, found.toString(), ""), chatJdk(old, old));
  }

  @Test
  void takesTheDefaultJavaWhenItIs21OrNewer() throws Exception {
    Path current = jdk("default/jdk-22", "22.0.2", true);
    jdk("jvm/jdk-25", "25", true);
    assertEquals(new Result(0, current.toString(), ""), chatJdk(current, null));
  }

  @Test
  void looksInSdkmanByDefault() throws Exception {
    Path old = jdk("default/jdk-17", "17.0.15", true);
    Path sdkman =
        jdk(
            ".sdkman/candidates/java/99-fake",
            "99",
            true); // newer than any real JDK in /usr/lib/jvm
    assertEquals(new Result(0, sdkman.toString(), ""), run(old, null, Map.of()));
  }

  @Test
  void saysInOneLineThatItNeedsAJdk21WhenThereIsNone() throws Exception {
    Path old = jdk("default/jdk-17", "17.0.15", true);
    jdk("jvm/jdk-11", "11.0.2", true);
    jdk("jvm/jre-25", "25", false);
    Result result = chatJdk(old, old);
    assertEquals(1, result.status());
    assertEquals("", result.out());
    assertTrue(
        result
            .err()
            .startsWith(
                "chat: chat core needs a JDK 21 or newer and found none (looked at JAVA_HOME,"),
        result.err());
    assertEquals(1, result.err().lines().count(), result.err());
  }

  private record Result(int status, String out, String err) {}

  /**
   * {@code ./chat jdk} with {@code defaultJdk}'s java first on PATH, JAVA_HOME as given, only
   * {@code jvm/} to search.
   */
  private Result chatJdk(Path defaultJdk, Path javaHome) throws Exception {
    return run(defaultJdk, javaHome, Map.of("CHAT_JDK_ROOTS", dir.resolve("jvm").toString()));
  }

  private Result run(Path defaultJdk, Path javaHome, Map<String, String> extraEnv)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), "jdk");
    Map<String, String> env = builder.environment();
    env.remove("JAVA_HOME");
    env.remove("CHAT_JDK_ROOTS");
    if (javaHome != null) env.put("JAVA_HOME", javaHome.toString());
    env.put("PATH", defaultJdk.resolve("bin") + ":/usr/bin:/bin");
    env.put("HOME", dir.toString());
    env.putAll(extraEnv);
    Path err = dir.resolve("stderr.txt");
    Process process = builder.redirectError(err.toFile()).start();
    String out =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    return new Result(process.exitValue(), out, Files.readString(err).strip());
  }

  /** A fake JDK home whose java prints {@code version} as {@code java -version} does. */
  private Path jdk(String name, String version, boolean withJavac) throws IOException {
    Path home = dir.resolve(name);
    Path bin = Files.createDirectories(home.resolve("bin"));
    executable(bin.resolve("java"), "echo 'openjdk version \"" + version + "\" 2025-09-16' >&2");
    if (withJavac) executable(bin.resolve("javac"), "exit 0");
    return home;
  }

  private static void executable(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
