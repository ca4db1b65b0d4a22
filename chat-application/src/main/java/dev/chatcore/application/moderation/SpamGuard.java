package dev.chatcore.application.moderation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.SpamPolicy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * Automatic bans for identical-message spam. Remembers each sender's last few messages (a hash of
 * the normalized text, the room, the time) for the policy's window; a message whose identical
 * copies in the window weigh more than the threshold — each copy weighs 1, or 2 when the copies
 * span more than one room — is refused, and its sender is banned for the next step of the ladder
 * ({@link AutomaticBans}).
 *
 * <p>Memory is bounded: at most {@link #MAX_SENDERS} senders, {@link #KEPT} messages each, and a
 * sender quiet for one window is forgotten. One per core (containers: a singleton), since a
 * spammer's copies must be counted together whichever path posts them.
 */
@Singleton
public final class SpamGuard {
  /** Messages remembered per sender: more than the heaviest threshold needs. */
  static final int KEPT = 12;

  static final long MAX_SENDERS = 1_000_000;

  private final SpamPolicy policy;
  private final Clock clock;
  private final AutomaticBans bans;
  private final Cache<AccountId, Recent> recent;

  @Inject
  public SpamGuard(SpamPolicy policy, Clock clock, AutomaticBans bans) {
    this.policy = policy;
    this.clock = clock;
    this.bans = bans;
    this.recent =
        Caffeine.newBuilder().maximumSize(MAX_SENDERS).expireAfterAccess(policy.window()).build();
  }

  /** A ring of a sender's latest messages; guarded by its monitor. */
  private static final class Recent {
    final long[] hashes = new long[KEPT];
    final String[] txnIds = new String[KEPT];
    final int[] rooms = new int[KEPT];
    final long[] times = new long[KEPT];
    int next;
    int size;
  }

  /**
   * Records the message and refuses it when it is spam.
   *
   * @throws BannedException when the message tips the sender over the threshold (it is then banned,
   *     and the message must not be stored)
   */
  public void check(AccountId sender, RoomId room, EventContent.Message message) {
    check(sender, room, message, Optional.empty());
  }

  /**
   * As {@link #check(AccountId, RoomId, EventContent.Message)}; a retry of a message already
   * counted here (same transaction id) is neither counted again nor refused, so a client that
   * retries after a timeout is not taken for a spammer.
   */
  public void check(
      AccountId sender, RoomId room, EventContent.Message message, Optional<String> txnId) {
    check(sender, room, hash(message), txnId);
  }

  /**
   * As {@link #check(AccountId, RoomId, EventContent.Message, Optional)} for an end-to-end
   * encrypted message: identical means the same ciphertext, byte for byte. Megolm encrypts every
   * message differently, so this catches only a client replaying one ciphertext; a spammer who
   * encrypts each copy afresh passes (docs/e2ee.md): rate limits and reports remain.
   */
  public void check(
      AccountId sender, RoomId room, EventContent.Encrypted message, Optional<String> txnId) {
    String ciphertext = message.ciphertext();
    long h = 1125899906842597L;
    for (int i = 0; i < ciphertext.length(); i++) h = 31 * h + ciphertext.charAt(i);
    check(sender, room, h, txnId);
  }

  private void check(AccountId sender, RoomId room, long hash, Optional<String> txnId) {
    long now = clock.millis();
    int roomHash = room.hashCode();
    Recent mine = recent.get(sender, k -> new Recent());
    boolean spam;
    synchronized (mine) {
      int copies = 1;
      boolean manyRooms = false;
      long since = now - policy.window().toMillis();
      if (txnId.isPresent()) {
        for (int i = 0; i < mine.size; i++) {
          if (txnId.get().equals(mine.txnIds[i]) && mine.times[i] > since) return;
        }
      }
      for (int i = 0; i < mine.size; i++) {
        if (mine.hashes[i] == hash && mine.times[i] > since) {
          copies++;
          if (mine.rooms[i] != roomHash) manyRooms = true;
        }
      }
      spam = copies * (manyRooms ? 2 : 1) > policy.threshold();
      if (spam) {
        mine.size = 0;
        mine.next = 0;
      } else {
        mine.hashes[mine.next] = hash;
        mine.txnIds[mine.next] = txnId.orElse(null);
        mine.rooms[mine.next] = roomHash;
        mine.times[mine.next] = now;
        mine.next = (mine.next + 1) % KEPT;
        mine.size = Math.min(mine.size + 1, KEPT);
      }
    }
    if (spam) throw bans.issueNext(sender, "repeated identical messages");
  }

  /**
   * Identical means equal after trimming, case folding and collapsing white space (or equal context
   * when the text is empty). Hashed in one pass, without building the normalized text.
   */
  private static long hash(EventContent.Message message) {
    String text = message.text();
    long h = 1125899906842597L;
    boolean any = false;
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingSpace = any;
        continue;
      }
      if (pendingSpace) {
        h = 31 * h + ' ';
        pendingSpace = false;
      }
      h = 31 * h + Character.toLowerCase(c);
      any = true;
    }
    if (any) return h;
    String context = message.context().map(JsonObjectText::json).orElse("");
    for (int i = 0; i < context.length(); i++) h = 31 * h + context.charAt(i);
    return h;
  }
}
