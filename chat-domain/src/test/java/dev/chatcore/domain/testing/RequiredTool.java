package dev.chatcore.domain.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test that needs a program from outside the build (a real browser, a real Olm client). On a
 * developer's machine without it the test is skipped, saying how to install it. Where {@code
 * CHAT_TEST_REQUIRE_TOOLS} is set (CI sets it after installing them) a missing tool fails the test:
 * a skip there would be a claim nobody checks.
 */
public final class RequiredTool {
  /** The variable that turns a missing tool into a failure. */
  public static final String REQUIRE = "CHAT_TEST_REQUIRE_TOOLS";

  private RequiredTool() {}

  /**
   * Returns when {@code present}; otherwise fails (with {@link #REQUIRE} set) or skips.
   *
   * @param missing what is missing and how to install it
   */
  public static void require(boolean present, String missing) {
    if (present) return;
    String required = System.getenv(REQUIRE);
    if (required != null && !required.isBlank())
      fail(missing + " (" + REQUIRE + " is set: this run must not skip it)");
    assumeTrue(false, "skipped: " + missing);
  }
}
