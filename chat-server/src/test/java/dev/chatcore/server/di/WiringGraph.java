package dev.chatcore.server.di;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * What an object graph is wired from, to compare two assemblies of the same core. It walks the
 * objects reachable from the roots through fields, collections, maps and optionals, descending into
 * the classes {@code walked} selects (the others, such as storage adapters and the JDK's, are
 * leaves), and records for each walked class:
 *
 * @param fields its fields, as {@code name: class of the value} (every value seen)
 * @param instances the number of distinct instances reached
 * @param records the distinct values of each domain record reached (limits, policies), by {@code
 *     toString}
 * @param stateful the classes that hold mutable state: a non-final field, an array, a value from
 *     {@code java.util.concurrent} (maps, atomics, locks) or a cache, or an object of a stateful
 *     class that is not a {@code @Singleton} (state it owns; a shared singleton's state is not)
 * @param singletons the walked classes that are one per graph by declaration ({@code @Singleton},
 *     or provided as one)
 */
record WiringGraph(
    Map<String, Set<String>> fields,
    Map<String, Integer> instances,
    Map<String, Set<String>> records,
    Set<String> stateful,
    Set<String> singletons) {

  /** The graph reachable from {@code roots}. */
  static WiringGraph of(
      Predicate<Class<?>> walked, Predicate<Class<?>> singleton, Collection<?> roots) {
    Map<String, Set<String>> fields = new TreeMap<>();
    Map<String, Integer> instances = new TreeMap<>();
    Map<String, Set<String>> records = new TreeMap<>();
    Set<String> stateful = new TreeSet<>();
    Set<String> singletons = new TreeSet<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> queue = new ArrayDeque<>(roots);
    while (!queue.isEmpty()) {
      Object o = queue.poll();
      if (!seen.add(o)) continue;
      Class<?> type = o.getClass();
      if (o instanceof Collection<?> c) {
        c.forEach(e -> enqueue(queue, e));
      } else if (o instanceof Map<?, ?> m) {
        m.forEach(
            (k, v) -> {
              enqueue(queue, k);
              enqueue(queue, v);
            });
      } else if (o instanceof Optional<?> opt) {
        opt.ifPresent(queue::add);
      } else if (walked.test(type)) {
        String name = name(type);
        instances.merge(name, 1, Integer::sum);
        if (singleton.test(type)) singletons.add(name);
        if (type.isRecord() && name.startsWith("dev.chatcore.domain."))
          records.computeIfAbsent(name, k -> new TreeSet<>()).add(o.toString());
        Set<String> held = fields.computeIfAbsent(name, k -> new TreeSet<>());
        for (Class<?> c = type; c != null && walked.test(c); c = c.getSuperclass()) {
          for (Field f : c.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            if (!Modifier.isFinal(f.getModifiers())) stateful.add(name);
            if (f.getType().isPrimitive()) continue;
            Object value = read(f, o);
            if (value == null) continue;
            held.add(f.getName() + ": " + name(value.getClass()));
            if (mutable(value)) stateful.add(name);
            queue.add(value);
          }
        }
      }
    }
    ownedState(fields, stateful, singletons);
    return new WiringGraph(fields, instances, records, stateful, singletons);
  }

  /** Marks stateful every class that holds a stateful non-singleton, to a fixed point. */
  private static void ownedState(
      Map<String, Set<String>> fields, Set<String> stateful, Set<String> singletons) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, Set<String>> holder : fields.entrySet()) {
        if (stateful.contains(holder.getKey())) continue;
        for (String field : holder.getValue()) {
          String held = field.substring(field.indexOf(": ") + 2);
          if (stateful.contains(held) && !singletons.contains(held)) {
            stateful.add(holder.getKey());
            changed = true;
            break;
          }
        }
      }
    }
  }

  private static void enqueue(Deque<Object> queue, Object o) {
    if (o != null) queue.add(o);
  }

  /**
   * An array, a concurrent map, atomic or lock, or a cache; an executor is a service, not state.
   */
  private static boolean mutable(Object value) {
    if (value instanceof Executor) return false;
    String name = value.getClass().getName();
    return value.getClass().isArray()
        || name.startsWith("java.util.concurrent.")
        || name.startsWith("com.github.benmanes.");
  }

  /** A lambda's class is named for where it was written, not for its run-time number. */
  private static String name(Class<?> type) {
    String name = type.getName();
    int lambda = name.indexOf("$$Lambda");
    return lambda < 0 ? name : name.substring(0, lambda) + "$$Lambda";
  }

  private static Object read(Field f, Object o) {
    try {
      f.setAccessible(true);
      return f.get(o);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + f, e);
    }
  }
}
