package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.chatcore.domain.archfixture.DomainClassThatImportsFrameworks;
import org.junit.jupiter.api.Test;

/** The domain rule fails for domain code that imports Undertow, Jackson or Mongo. */
class ArchitectureRulesBiteTest {
  @Test
  void domainRuleRejectsFrameworkImports() {
    JavaClasses bad = new ClassFileImporter().importClasses(DomainClassThatImportsFrameworks.class);
    AssertionError failure = assertThrows(AssertionError.class, () -> ArchitectureTest.domainIsJdkOnly.check(bad));
    String message = failure.getMessage();
    assertTrue(message.contains("com.fasterxml.jackson"), message);
    assertTrue(message.contains("com.mongodb"), message);
    assertTrue(message.contains("io.undertow"), message);
  }
}
