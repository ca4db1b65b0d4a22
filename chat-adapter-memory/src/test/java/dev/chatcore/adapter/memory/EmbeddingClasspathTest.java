package dev.chatcore.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * An embedder that adds {@code chat-adapter-memory} gets neither Undertow nor Dagger: the test
 * classpath of this module holds its whole runtime classpath (plus test libraries), and neither
 * framework is on it.
 */
class EmbeddingClasspathTest {
  private static final List<String> FORBIDDEN =
      List.of("undertow", "dagger", "xnio", "jackson", "nimbus");

  @Test
  void noHttpOrDependencyInjectionJarIsOnTheClasspath() {
    List<String> offending =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(p -> new File(p).getName().toLowerCase(Locale.ROOT))
            .filter(name -> FORBIDDEN.stream().anyMatch(name::contains))
            .toList();
    assertEquals(List.of(), offending);
  }

  @Test
  void neitherFrameworkCanBeLoaded() {
    for (String type :
        List.of(
            "io.undertow.Undertow",
            "dagger.Component",
            "dagger.Module",
            "com.fasterxml.jackson.databind.ObjectMapper")) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(type), type);
    }
  }

  @Test
  void theEmbeddingFactoryLoadsWithoutThem() {
    try (var chat = InMemoryChat.create()) {
      assertEquals("memory", chat.core().storage().kind());
    }
  }
}
