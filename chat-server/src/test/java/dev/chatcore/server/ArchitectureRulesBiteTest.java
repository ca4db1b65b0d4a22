package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.chatcore.adapter.http.archfixture.CoreHungryRoutes;
import dev.chatcore.adapter.http.archfixture.RouteThatBuildsItsOwnError;
import dev.chatcore.application.archfixture.UseCaseThatTakesAllStorage;
import dev.chatcore.domain.archfixture.DomainClassThatImportsFrameworks;
import org.junit.jupiter.api.Test;

/** The rules fail for code that breaks them. */
class ArchitectureRulesBiteTest {
  @Test
  void domainRuleRejectsFrameworkImports() {
    JavaClasses bad = new ClassFileImporter().importClasses(DomainClassThatImportsFrameworks.class);
    AssertionError failure =
        assertThrows(AssertionError.class, () -> ArchitectureTest.domainIsJdkOnly.check(bad));
    String message = failure.getMessage();
    assertTrue(message.contains("com.fasterxml.jackson"), message);
    assertTrue(message.contains("com.mongodb"), message);
    assertTrue(message.contains("io.undertow"), message);
  }

  @Test
  void errorReplyRuleRejectsRepliesBuiltInline() {
    JavaClasses bad = new ClassFileImporter().importClasses(RouteThatBuildsItsOwnError.class);
    AssertionError failure =
        assertThrows(
            AssertionError.class, () -> ArchitectureTest.errorRepliesAreBuiltInOnePlace.check(bad));
    String message = failure.getMessage();
    assertTrue(message.contains("RouteThatBuildsItsOwnError.notFound()"), message);
    assertTrue(message.contains("RouteThatBuildsItsOwnError.teapot()"), message);
  }

  @Test
  void portRuleRejectsAUseCaseThatTakesAllStorage() {
    JavaClasses bad = new ClassFileImporter().importClasses(UseCaseThatTakesAllStorage.class);
    AssertionError failure =
        assertThrows(
            AssertionError.class, () -> ArchitectureTest.useCasesTakeOnlyTheirPorts.check(bad));
    assertTrue(failure.getMessage().contains("ChatStorage"), failure.getMessage());
  }

  @Test
  void routeRuleRejectsARouteClassThatTakesTheCore() {
    JavaClasses bad = new ClassFileImporter().importClasses(CoreHungryRoutes.class);
    AssertionError failure =
        assertThrows(
            AssertionError.class, () -> ArchitectureTest.routesTakeTheirUseCases.check(bad));
    assertTrue(failure.getMessage().contains("ChatCore"), failure.getMessage());
  }
}
