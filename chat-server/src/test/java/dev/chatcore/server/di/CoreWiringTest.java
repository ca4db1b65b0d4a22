package dev.chatcore.server.di;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.adapter.memory.InMemoryChatStorage;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.application.StripedLocks;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.retention.Retention;
import dev.chatcore.domain.testing.MutableClock;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The server's Dagger graph and the hand-wired {@link ChatCore#create} build the same core: the
 * same classes holding the same collaborators, the same limits and policies, one instance of each
 * {@code @Singleton}, and shared state only in singletons.
 */
class CoreWiringTest {
  /**
   * The core's own classes, walked; ports, adapters, the JDK's and the test's clock (the host's
   * input) are leaves.
   */
  private static final Predicate<Class<?>> CORE =
      type ->
          (type.getName().startsWith("dev.chatcore.application.")
                  || type.getName().startsWith("dev.chatcore.domain."))
              && !type.getName().startsWith("dev.chatcore.domain.testing.");

  /**
   * One per core: the {@code @Singleton} classes, and the domain's that {@link CoreValuesModule}
   * provides as singletons (the domain knows no annotations).
   */
  private static final Predicate<Class<?>> SINGLETON =
      type ->
          type.isAnnotationPresent(Singleton.class)
              || type == IdGenerator.class
              || type == MessagePolicy.class;

  /**
   * State that each owner keeps for itself by design, built with {@code new} in the owner: {@link
   * StripedLocks} (its Javadoc says why). Every other stateful class is one per core.
   */
  private static final Set<String> OWNED_STATE = Set.of(StripedLocks.class.getName());

  private final ChatStorage storage = InMemoryChatStorage.create();
  private final Limits limits = Limits.builder().syncBatchMax(77).build();
  private final SpamPolicy spam = SpamPolicy.defaults();
  private final Retention retention = Retention.defaults();
  private final ContentModeration moderation = ContentModeration.none();
  private final MutableClock clock = new MutableClock();

  @Test
  void daggerBuildsTheGraphTheHandWiredCoreBuilds() {
    try (ChatCore byHand =
            ChatCore.create(
                storage, limits, spam, retention, moderation, clock, ChatObserver.NONE);
        ChatCore byDagger = daggerCore()) {
      WiringGraph hand = graph(byHand);
      WiringGraph dagger = graph(byDagger);

      assertEquals(hand.fields(), dagger.fields(), "each class holds the same collaborators");
      assertEquals(hand.records(), dagger.records(), "the same limits and policies");
      assertEquals(hand.singletons(), dagger.singletons());
      for (String singleton : hand.singletons()) {
        assertEquals(1, hand.instances().get(singleton), singleton + " by hand");
        assertEquals(1, dagger.instances().get(singleton), singleton + " by Dagger");
      }
      assertTrue(hand.singletons().size() >= 13, () -> "singletons: " + hand.singletons());
    }
  }

  /**
   * Dagger builds a class without a scope once per use, so a class holding state must be a
   * {@code @Singleton}, or two use cases would each get their own (two lock tables, two rate
   * limits). Owned state ({@link #OWNED_STATE}) aside.
   */
  @Test
  void everyClassThatHoldsStateIsASingleton() {
    try (ChatCore byDagger = daggerCore()) {
      WiringGraph dagger = graph(byDagger);
      Set<String> unscoped =
          dagger.stateful().stream()
              .filter(c -> !dagger.singletons().contains(c) && !OWNED_STATE.contains(c))
              .collect(Collectors.toCollection(TreeSet::new));
      // whether or not a second use case takes it yet: the next one would get its own
      assertEquals(Set.of(), unscoped, "state held by classes that are not singletons");
      assertTrue(
          dagger
              .stateful()
              .containsAll(
                  Set.of(
                      "dev.chatcore.application.KeyedLocks",
                      "dev.chatcore.application.moderation.RateLimiter")),
          () -> "the walk sees state: " + dagger.stateful());
    }
  }

  @Test
  void theGraphCoversEveryGetterOfTheCore() {
    try (ChatCore byDagger = daggerCore()) {
      Map<String, String> missing = new TreeMap<>();
      for (Method getter : getters())
        if (invoke(getter, byDagger) == null) missing.put(getter.getName(), "null");
      assertEquals(Map.of(), missing);
      assertTrue(getters().size() >= 79, () -> getters().size() + " getters");
    }
  }

  private ChatCore daggerCore() {
    ChatCore core =
        DaggerCoreComponent.factory()
            .create(storage, limits, spam, retention, moderation, clock, ChatObserver.NONE);
    core.runtime().start(); // as CoreModule does, so that both runtimes hold a subscription
    return core;
  }

  private static WiringGraph graph(ChatCore core) {
    List<Object> roots = new ArrayList<>();
    for (Method getter : getters()) roots.add(invoke(getter, core));
    return WiringGraph.of(CORE, SINGLETON, roots);
  }

  /** Every getter {@link ChatCore} declares, in a stable order. */
  private static List<Method> getters() {
    return Arrays.stream(ChatCore.class.getDeclaredMethods())
        .filter(m -> Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0)
        .sorted(Comparator.comparing(Method::getName))
        .toList();
  }

  private static Object invoke(Method getter, ChatCore core) {
    try {
      return getter.invoke(core);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError(getter.getName(), e);
    }
  }
}
