package dev.chatcore.server.di;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** {@link WiringGraph} sees the differences {@link CoreWiringTest} relies on it to see. */
class WiringGraphTest {
  private static final Predicate<Class<?>> FIXTURES =
      type -> type.getName().startsWith(WiringGraphTest.class.getName() + "$");

  @Singleton
  static final class Locks {
    final Map<String, Object> held = new ConcurrentHashMap<>();
  }

  record Policy(int max) {}

  interface Store {}

  static final class FastStore implements Store {}

  static final class SlowStore implements Store {}

  static final class UseCase {
    final Locks locks;
    final Store store;

    UseCase(Locks locks, Store store) {
      this.locks = locks;
      this.store = store;
    }
  }

  static final class Counter {
    int count;
  }

  static final class Stripes {
    final Object[] stripes = new Object[4];
  }

  static final class Owner {
    final Counter counter = new Counter();
  }

  private static WiringGraph graph(Object... roots) {
    return WiringGraph.of(FIXTURES, t -> t.isAnnotationPresent(Singleton.class), List.of(roots));
  }

  @Test
  void twoAssembliesThatShareTheSingletonAndTheCollaboratorsAreEqual() {
    Store store = new FastStore();
    Locks one = new Locks();
    Locks other = new Locks();
    WiringGraph a = graph(new UseCase(one, store), new UseCase(one, store));
    WiringGraph b = graph(new UseCase(other, store), new UseCase(other, store));

    assertEquals(a.fields(), b.fields());
    assertEquals(1, a.instances().get(Locks.class.getName()));
    assertEquals(Set.of(Locks.class.getName()), a.singletons());
  }

  @Test
  void aSingletonBuiltTwiceIsCounted() {
    Store store = new FastStore();
    WiringGraph twice = graph(new UseCase(new Locks(), store), new UseCase(new Locks(), store));

    assertEquals(2, twice.instances().get(Locks.class.getName()));
  }

  @Test
  void aCollaboratorOfAnotherClassMakesTheFieldsDiffer() {
    Locks locks = new Locks();
    WiringGraph fast = graph(new UseCase(locks, new FastStore()));
    WiringGraph slow = graph(new UseCase(locks, new SlowStore()));

    assertNotEquals(fast.fields(), slow.fields());
  }

  @Test
  void domainRecordsAreComparedByValueOnlyInTheDomain() {
    // fixture records are not the domain's: they are walked, not compared by value
    assertEquals(Map.of(), graph(new Policy(3)).records());
  }

  @Test
  void stateIsAMutableFieldOrAConcurrentValue() {
    WiringGraph graph =
        graph(new Counter(), new Stripes(), new UseCase(new Locks(), new FastStore()));

    assertEquals(
        Set.of(Counter.class.getName(), Stripes.class.getName(), Locks.class.getName()),
        graph.stateful());
  }

  @Test
  void holdingStateOfItsOwnIsStateHoldingASingletonIsNot() {
    WiringGraph graph = graph(new Owner(), new UseCase(new Locks(), new FastStore()));

    assertTrue(graph.stateful().contains(Owner.class.getName()));
    assertFalse(graph.stateful().contains(UseCase.class.getName()));
  }
}
