package dev.chatcore.application;

import dev.chatcore.domain.port.ChatStorage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A storage that can pause one chosen port call ({@code "MembershipRepository.ofAccount"}) on a
 * latch, so a test lands a competing operation exactly inside a window of the paused operation,
 * deterministically. Only calls made on a thread inside {@link #pausable} (or started inside {@link
 * #pausableWithThreadsItStarts}) can pause, and only the first such call after {@link #arm}; every
 * other call goes straight through.
 */
public final class GatedStorage {
  private static final ThreadLocal<Boolean> PAUSABLE = ThreadLocal.withInitial(() -> false);

  /** Inherited by threads started meanwhile: a live stream reads on a thread its opening starts. */
  private static final InheritableThreadLocal<Boolean> PAUSABLE_WITH_CHILDREN =
      new InheritableThreadLocal<>() {
        @Override
        protected Boolean initialValue() {
          return false;
        }
      };

  private static final Duration WAIT = Duration.ofSeconds(30);

  private volatile Gate armed;

  /** A pause at one port call: the paused thread waits until {@link #release()}. */
  public static final class Gate {
    private final String call;

    /** Matching calls still to let through before the one that pauses. */
    private final AtomicInteger passing;

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private Gate(String call, int passing) {
      this.call = call;
      this.passing = new AtomicInteger(passing);
    }

    /** Waits until a pausable thread is held at the call. */
    public void awaitReached() throws InterruptedException {
      if (!reached.await(WAIT.toSeconds(), TimeUnit.SECONDS))
        throw new AssertionError("never reached " + call);
    }

    public void release() {
      released.countDown();
    }

    private boolean matches(String portAndMethod) {
      return List.of(call.split("\\|")).contains(portAndMethod);
    }

    private void pause() {
      reached.countDown();
      try {
        if (!released.await(WAIT.toSeconds(), TimeUnit.SECONDS))
          throw new AssertionError("never released " + call);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The storage to give the code under test. */
  public ChatStorage wrap(ChatStorage inner) {
    return inner.decorated(this::gated);
  }

  /**
   * Pauses the next call {@code "Port.method"} made inside {@link #pausable}; several calls may be
   * named, separated by {@code |} (the first of them pauses).
   */
  public Gate arm(String call) {
    return arm(call, 0);
  }

  /** {@link #arm(String)}, letting the first {@code passing} matching pausable calls through. */
  public Gate arm(String call, int passing) {
    Gate gate = new Gate(call, passing);
    armed = gate;
    return gate;
  }

  /** Runs {@code action} on this thread with its port calls able to pause. */
  public static <T> T pausable(Supplier<T> action) {
    PAUSABLE.set(true);
    try {
      return action.get();
    } finally {
      PAUSABLE.set(false);
    }
  }

  /**
   * {@link #pausable}, and so is every thread {@code action} starts meanwhile (for its whole life):
   * a live stream's reads run on a thread that opening it starts.
   */
  public static <T> T pausableWithThreadsItStarts(Supplier<T> action) {
    PAUSABLE_WITH_CHILDREN.set(true);
    try {
      return action.get();
    } finally {
      PAUSABLE_WITH_CHILDREN.set(false);
    }
  }

  private <T> T gated(Class<T> type, T port) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              Gate gate = armed;
              boolean pausable = PAUSABLE.get() || PAUSABLE_WITH_CHILDREN.get();
              if (gate != null
                  && pausable
                  && gate.matches(type.getSimpleName() + "." + method.getName())
                  && gate.passing.getAndDecrement() == 0) {
                armed = null;
                gate.pause();
              }
              return invoke(method, port, args);
            }));
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
