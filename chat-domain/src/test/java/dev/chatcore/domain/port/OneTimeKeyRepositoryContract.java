package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.e2ee.ClaimedKey;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.OneTimeKey;
import dev.chatcore.domain.testing.Keys;
import dev.chatcore.domain.testing.TestIds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OneTimeKeyRepository} must have; above all, that each one-time key is
 * claimed exactly once under concurrent claims (on every node of a store: a store with nodes
 * overrides {@link #sameStoreElsewhere}).
 */
public abstract class OneTimeKeyRepositoryContract {
  private static final String SIGNED = "signed_curve25519";

  /** A fresh, empty repository for every test. */
  protected abstract OneTimeKeyRepository newRepository();

  /**
   * The same store as {@code repository} seen from another node (another client); the repository
   * itself for single-process stores.
   */
  protected OneTimeKeyRepository sameStoreElsewhere(OneTimeKeyRepository repository) {
    return repository;
  }

  private static List<OneTimeKey> keys(int n, String prefix) {
    List<OneTimeKey> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(Keys.signed(prefix + i, "key-" + prefix + i));
    return out;
  }

  @Test
  void addedKeysAreCountedByAlgorithm() {
    OneTimeKeyRepository keys = newRepository();
    DeviceAddress phone = TestIds.device();
    assertEquals(List.of(), keys.add(phone, keys(3, "A")));
    keys.add(phone, List.of(new OneTimeKey("curve25519:X", "\"plain\"")));
    assertEquals(Map.of(SIGNED, 3L, "curve25519", 1L), keys.counts(phone));
    assertEquals(Map.of(), keys.counts(TestIds.device()));
  }

  @Test
  void theSameKeyAgainIsSkippedAndAnotherValueUnderItsIdIsRefused() {
    OneTimeKeyRepository keys = newRepository();
    DeviceAddress phone = TestIds.device();
    keys.add(phone, List.of(Keys.signed("A", "one")));
    assertEquals(List.of(), keys.add(phone, List.of(Keys.signed("A", "one"))));
    assertEquals(
        List.of("signed_curve25519:A"),
        keys.add(phone, List.of(Keys.signed("A", "two"), Keys.signed("B", "b"))));
    assertEquals(Map.of(SIGNED, 2L), keys.counts(phone));
    Set<OneTimeKey> claimed =
        Set.of(
            keys.claim(phone, SIGNED).orElseThrow().key(),
            keys.claim(phone, SIGNED).orElseThrow().key());
    assertEquals(
        Set.of(Keys.signed("A", "one"), Keys.signed("B", "b")), claimed, "the first value stays");
  }

  @Test
  void aClaimTakesOneKeyOutUntilNoneIsLeft() {
    OneTimeKeyRepository keys = newRepository();
    DeviceAddress phone = TestIds.device();
    keys.add(phone, keys(2, "A"));
    Set<OneTimeKey> claimed = new HashSet<>();
    for (int i = 0; i < 2; i++) {
      ClaimedKey c = keys.claim(phone, SIGNED).orElseThrow();
      assertFalse(c.fallback());
      claimed.add(c.key());
    }
    assertEquals(Set.copyOf(keys(2, "A")), claimed);
    assertEquals(Optional.empty(), keys.claim(phone, SIGNED));
    assertEquals(Map.of(), keys.counts(phone));
  }

  @Test
  void claimsFindNothingForAnotherAlgorithmOrDevice() {
    OneTimeKeyRepository keys = newRepository();
    DeviceAddress phone = TestIds.device();
    keys.add(phone, keys(1, "A"));
    assertEquals(Optional.empty(), keys.claim(phone, "curve25519"));
    assertEquals(Optional.empty(), keys.claim(TestIds.device(phone.account()), SIGNED));
    assertEquals(Map.of(SIGNED, 1L), keys.counts(phone));
  }

  @Test
  void eightConcurrentClaimersGetEveryKeyExactlyOnce() throws Exception {
    OneTimeKeyRepository first = newRepository();
    OneTimeKeyRepository second = sameStoreElsewhere(first);
    DeviceAddress phone = TestIds.device();
    List<OneTimeKey> uploaded = keys(60, "K");
    first.add(phone, uploaded);
    ConcurrentLinkedQueue<OneTimeKey> claimed = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> claimers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      OneTimeKeyRepository node = i % 2 == 0 ? first : second;
      claimers.add(
          pool.submit(
              () -> {
                go.await();
                for (Optional<ClaimedKey> c = node.claim(phone, SIGNED);
                    c.isPresent();
                    c = node.claim(phone, SIGNED)) {
                  assertFalse(c.get().fallback(), "no fallback key was uploaded");
                  claimed.add(c.get().key());
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : claimers) f.get(60, TimeUnit.SECONDS);
    pool.shutdown();
    assertEquals(uploaded.size(), claimed.size(), "no key was handed out twice");
    assertEquals(Set.copyOf(uploaded), new HashSet<>(claimed), "every key was handed out");
  }

  @Test
  void withNoOneTimeKeyLeftTheFallbackKeyIsGivenAgainAndMarkedUsed() {
    OneTimeKeyRepository keys = newRepository();
    DeviceAddress phone = TestIds.device();
    keys.add(phone, keys(1, "A"));
    OneTimeKey fallback = Keys.fallback("F", "fb");
    keys.setFallback(phone, fallback);
    assertEquals(Set.of(SIGNED), keys.unusedFallbackAlgorithms(phone));
    assertFalse(keys.claim(phone, SIGNED).orElseThrow().fallback(), "one-time keys go first");
    assertEquals(new ClaimedKey(fallback, true), keys.claim(phone, SIGNED).orElseThrow());
    assertEquals(
        new ClaimedKey(fallback, true),
        keys.claim(phone, SIGNED).orElseThrow(),
        "reused until replaced");
    assertEquals(Set.of(), keys.unusedFallbackAlgorithms(phone));
  }

  @Test
  void aNewFallbackKeyStartsUnusedAndTheSameOneKeepsItsMark() {
    OneTimeKeyRepository keys = newRepository();
    DeviceAddress phone = TestIds.device();
    keys.setFallback(phone, Keys.fallback("F", "fb"));
    keys.claim(phone, SIGNED);
    keys.setFallback(phone, Keys.fallback("F", "fb"));
    assertEquals(
        Set.of(),
        keys.unusedFallbackAlgorithms(phone),
        "an upload retried does not reset the mark");
    OneTimeKey fresh = Keys.fallback("G", "fb2");
    keys.setFallback(phone, fresh);
    assertEquals(Set.of(SIGNED), keys.unusedFallbackAlgorithms(phone));
    assertEquals(fresh, keys.claim(phone, SIGNED).orElseThrow().key());
  }

  @Test
  void deletingADeviceForgetsItsKeysAndFallbacksOnly() {
    OneTimeKeyRepository keys = newRepository();
    DeviceAddress phone = TestIds.device();
    DeviceAddress laptop = TestIds.device(phone.account());
    keys.add(phone, keys(2, "A"));
    keys.setFallback(phone, Keys.fallback("F", "fb"));
    keys.add(laptop, keys(1, "B"));
    keys.deleteDevice(phone);
    assertEquals(Map.of(), keys.counts(phone));
    assertEquals(Optional.empty(), keys.claim(phone, SIGNED));
    assertEquals(Set.of(), keys.unusedFallbackAlgorithms(phone));
    assertEquals(Map.of(SIGNED, 1L), keys.counts(laptop));
  }

  @Test
  void theSameKeyIdOnTwoDevicesIsTwoKeys() {
    OneTimeKeyRepository keys = newRepository();
    DeviceAddress phone = TestIds.device();
    DeviceAddress laptop = TestIds.device();
    assertTrue(keys.add(phone, keys(1, "A")).isEmpty());
    assertTrue(keys.add(laptop, keys(1, "A")).isEmpty());
    assertEquals(Map.of(SIGNED, 1L), keys.counts(laptop));
  }
}
