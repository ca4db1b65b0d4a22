package dev.chatcore.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.chatcore.adapter.http.ErrorReply;
import dev.chatcore.application.ChatCore;
import dev.chatcore.domain.port.ChatStorage;
import java.util.Map;

/** The "may depend on" column of SPEC §1, enforced over every module's main classes. */
@AnalyzeClasses(
    packages = "dev.chatcore",
    importOptions = {
      DoNotIncludeTests.class,
      ArchitectureTest.NoTestJars.class,
      ArchitectureTest.NoServerCodeInOtherPackages.class
    })
class ArchitectureTest {
  /** Test-jars (the port contract suites) are test code too, wherever they sit on the classpath. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }
  }

  /**
   * Dagger compiles a factory for each {@code @Inject} class into that class's package, but in the
   * server module: that generated code is the server's, not the application's, and the rules below
   * are about the modules' own code.
   */
  static final class NoServerCodeInOtherPackages implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/chat-server/target/classes/")
          || location.contains("/dev/chatcore/server/");
    }
  }

  @ArchTest
  static final ArchRule domainIsJdkOnly =
      classes()
          .that()
          .resideInAPackage("dev.chatcore.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("dev.chatcore.domain..", "java..");

  @ArchTest
  static final ArchRule applicationSeesDomainInjectAndCaffeineOnly =
      classes()
          .that()
          .resideInAPackage("dev.chatcore.application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "dev.chatcore.domain..",
              "dev.chatcore.application..",
              "java..",
              "jakarta.inject..",
              "com.github.benmanes.caffeine..");

  @ArchTest
  static final ArchRule adaptersNeverSeeEachOther =
      slices().matching("dev.chatcore.adapter.(*)..").should().notDependOnEachOther();

  @ArchTest
  static final ArchRule onlyTheServerSeesDagger =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.chatcore.server..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dagger..");

  /**
   * Metrics are the server's business: the core reports through ChatObserver, HTTP through
   * RequestObserver.
   */
  @ArchTest
  static final ArchRule onlyServerMetricsSeesMicrometer =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.chatcore.server.metrics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.micrometer..", "io.prometheus..");

  @ArchTest
  static final ArchRule nothingButTheServerSeesTheServer =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.chatcore.server..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.chatcore.server..");

  @ArchTest
  static final ArchRule coreNeverSeesAdapters =
      noClasses()
          .that()
          .resideInAnyPackage("dev.chatcore.domain..", "dev.chatcore.application..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.chatcore.adapter..");

  /**
   * What an embedder puts on its classpath brings no framework: no Undertow, Jackson, JWT library
   * or Dagger.
   */
  @ArchTest
  static final ArchRule memoryAdapterIsFrameworkFree =
      classes()
          .that()
          .resideInAPackage("dev.chatcore.adapter.memory..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "dev.chatcore.domain..",
              "dev.chatcore.application..",
              "dev.chatcore.adapter.memory..",
              "java..",
              "jakarta.inject..",
              "com.github.benmanes.caffeine..");

  /**
   * Error replies are built in one place: {@code HttpProblem} (the adapter's own refusals) and
   * {@code HttpErrors} (the mapping every failure goes through), never inline in a handler.
   */
  @ArchTest
  static final ArchRule errorRepliesAreBuiltInOnePlace =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("dev.chatcore.adapter.http.HttpErrors")
          .and()
          .doNotHaveFullyQualifiedName("dev.chatcore.adapter.http.HttpProblem")
          .and()
          .doNotHaveFullyQualifiedName(ErrorReply.class.getName())
          .should()
          .callMethod(ErrorReply.class, "of", int.class, String.class, String.class)
          .orShould()
          .callConstructor(
              ErrorReply.class, int.class, String.class, String.class, Map.class, Map.class);

  /**
   * A use case gets the ports it calls, not the whole storage: only the assemblies (the plain-Java
   * {@code ChatCore}, which the core's getters and {@code HandWiredCore} implement, and the
   * embedding builder and facade) see {@code ChatStorage}.
   */
  @ArchTest
  static final ArchRule useCasesTakeOnlyTheirPorts =
      noClasses()
          .that()
          .resideInAPackage("dev.chatcore.application..")
          .and()
          .doNotHaveFullyQualifiedName(ChatCore.class.getName())
          .and()
          .doNotHaveFullyQualifiedName("dev.chatcore.application.HandWiredCore")
          .and()
          .resideOutsideOfPackage("dev.chatcore.application.embed..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName(ChatStorage.class.getName());

  /** A route class gets the use cases it serves, never the whole core or storage. */
  @ArchTest
  static final ArchRule routesTakeTheirUseCases =
      noClasses()
          .that()
          .resideInAPackage("dev.chatcore.adapter.http..")
          .and()
          .haveSimpleNameEndingWith("Routes")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName(ChatCore.class.getName())
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("dev.chatcore.domain.port..");
}
