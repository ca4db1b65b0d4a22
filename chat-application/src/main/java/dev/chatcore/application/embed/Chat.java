package dev.chatcore.application.embed;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.chat.AdmitPlayer;
import dev.chatcore.application.chat.PostedMessage;
import dev.chatcore.application.dm.LeaveDirectMessage;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.globalroom.PlaceInGlobalRoom;
import dev.chatcore.application.member.BanMember;
import dev.chatcore.application.member.JoinRoom;
import dev.chatcore.application.member.KickMember;
import dev.chatcore.application.member.LeaveRoom;
import dev.chatcore.application.member.ListMembers;
import dev.chatcore.application.member.MemberPage;
import dev.chatcore.application.member.UnbanMember;
import dev.chatcore.application.message.HistoryPage;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.moderation.BanAccount;
import dev.chatcore.application.moderation.BanPage;
import dev.chatcore.application.moderation.CallGate;
import dev.chatcore.application.moderation.ListBans;
import dev.chatcore.application.moderation.UnbanAccount;
import dev.chatcore.application.reaction.AddReaction;
import dev.chatcore.application.reaction.ReactionResult;
import dev.chatcore.application.reaction.RemoveReaction;
import dev.chatcore.application.receipt.PostReceipt;
import dev.chatcore.application.report.ReportMessage;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.room.DeleteRoom;
import dev.chatcore.application.room.GetRoom;
import dev.chatcore.application.room.ListRooms;
import dev.chatcore.application.room.RoomView;
import dev.chatcore.application.stream.OpenStream;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.application.typing.SetTyping;
import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.sync.SyncBatch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * The embedding API: one object through which a game server sends messages, pages history, waits
 * for events, manages rooms and membership, and moderates, with no HTTP in between. Build one with
 * a storage adapter's factory ({@code InMemoryChat.create()}) or with {@link ChatBuilder}; {@link
 * #close()} it when the host stops.
 *
 * <p><b>Callers.</b> Authentication is the host's business: every method takes the {@link Caller}
 * the host has already authenticated (its player, or an admin identity for the game server itself).
 * Accounts are registered on first sight.
 *
 * <p><b>The gate.</b> Every call first passes the same {@link CallGate} as an HTTP request: a
 * banned account gets {@link dev.chatcore.domain.error.BannedException}; when the chat was built
 * with {@link ChatBuilder#rateLimited(boolean) rate limiting}, a player (never an admin) that
 * exceeds its bucket gets {@link dev.chatcore.domain.error.RateLimitedException} and the call has
 * no effect. Waiting for events is never rate limited, as on HTTP.
 *
 * <p><b>Errors.</b> Refusals are the sealed {@link dev.chatcore.domain.error.ChatException} family
 * (invalid input naming the field, rejected by the content filter, not found, forbidden, conflict,
 * banned, rate limited, unavailable storage); anything else is a bug. Past the gate, a method
 * refuses what the use case it calls refuses, unchanged: each names that use case under <i>See
 * also</i>, whose Javadoc states its refusals, so they are written once. A method lists under
 * {@code @throws} only the checks of its own. After {@link #close()} every call throws {@link
 * IllegalStateException}.
 *
 * <p><b>Threads.</b> Thread-safe: call it from any thread, including game-loop threads. Every
 * method but {@link #waitForEvents}, {@link #subscribe} and {@link #events} runs on the calling
 * thread and returns when its work is stored; those hold no thread while they wait.
 *
 * <p>Every use case of the core stays reachable through {@link #core()}, for what this facade does
 * not cover (invites, preferences, the Chat V2 unread view).
 */
public final class Chat implements AutoCloseable {
  private final ChatCore core;
  private final CallGate gate;
  private final boolean rateLimited;
  private final Maintenance maintenance;
  private final Runnable onClose;
  private final ChatEncryption e2ee;
  private volatile boolean closed;

  Chat(ChatCore core, boolean rateLimited, Maintenance maintenance, Runnable onClose) {
    this.core = core;
    this.gate = core.callGate();
    this.rateLimited = rateLimited;
    this.maintenance = maintenance;
    this.onClose = onClose;
    this.e2ee = new ChatEncryption(core, this::gated);
  }

  /**
   * Starts building a chat over a storage.
   *
   * @param storage every port the core needs, from a storage adapter
   * @return a builder with the default limits, the system clock, no rate limit and the default
   *     maintenance scheduler
   */
  public static ChatBuilder builder(ChatStorage storage) {
    return new ChatBuilder(storage);
  }

  // ---- rooms ----

  /**
   * Admin: creates a channel, which every account is a member of until it leaves.
   *
   * @param admin an admin caller
   * @param name 1 to {@code room_name_max_chars} characters after trimming
   * @param topic an optional topic, at most 512 characters
   * @return the new room as the admin sees it
   * @see CreateRoom#create
   */
  public RoomView createRoom(Caller admin, String name, Optional<String> topic) {
    return gated(admin, () -> core.createRoom().create(new CreateRoom.Command(admin, name, topic)));
  }

  /**
   * Admin: deletes a room; its members get {@code m.room.deleted} as its last event.
   *
   * @param admin an admin caller
   * @param room the room to delete
   * @see DeleteRoom#delete
   */
  public void deleteRoom(Caller admin, RoomId room) {
    gated(
        admin,
        () -> {
          core.deleteRoom().delete(admin, room);
          return null;
        });
  }

  /**
   * One room as the caller sees it (member count, head, unread count).
   *
   * @param caller who asks
   * @param room the room
   * @return the room view
   * @see GetRoom#get
   */
  public RoomView room(Caller caller, RoomId room) {
    return gated(caller, () -> core.getRoom().get(caller, room));
  }

  /**
   * The rooms the caller is a member of, oldest first.
   *
   * @param caller who asks
   * @return one view per room
   * @see ListRooms#list
   */
  public List<RoomView> rooms(Caller caller) {
    return gated(caller, () -> core.listRooms().list(caller));
  }

  /**
   * Joins a channel, or a global room with space; joining a room one is in changes nothing.
   *
   * @param caller who joins
   * @param room the room
   * @return the room as the caller now sees it
   * @see JoinRoom#join
   */
  public RoomView join(Caller caller, RoomId room) {
    return gated(caller, () -> core.joinRoom().join(new JoinRoom.Command(caller, room)));
  }

  /**
   * Leaves a channel, global or DM room; leaving a room one is out of changes nothing.
   *
   * @param caller who leaves
   * @param room the room
   * @see LeaveRoom#leave
   */
  public void leave(Caller caller, RoomId room) {
    gated(
        caller,
        () -> {
          core.leaveRoom().leave(new LeaveRoom.Command(caller, room));
          return null;
        });
  }

  /**
   * A page of a room's current members, ordered by account id.
   *
   * @param caller who asks
   * @param room the room
   * @param from exclusive: start after this account; empty for the first page
   * @param limit page size, 1 to 100
   * @return the page and the {@code from} of the next one
   * @see ListMembers#list
   */
  public MemberPage members(Caller caller, RoomId room, Optional<AccountId> from, int limit) {
    return gated(
        caller,
        () ->
            core.listMembers()
                .list(new ListMembers.Query(caller, room, from, OptionalInt.of(limit))));
  }

  /**
   * Admin: removes an account from a room ({@code m.member} {@code kick}); it may join again.
   *
   * @param admin an admin caller
   * @param room the room
   * @param target the account to remove
   * @see KickMember#kick
   */
  public void kick(Caller admin, RoomId room, AccountId target) {
    gated(
        admin,
        () -> {
          core.kickMember().kick(new KickMember.Command(admin, room, target));
          return null;
        });
  }

  /**
   * Admin: removes an account from a room and keeps it out until {@link #unbanFromRoom} ({@code
   * m.member} {@code ban}). Banning a banned account changes nothing.
   *
   * @param admin an admin caller
   * @param room the room
   * @param target the account to keep out
   * @see BanMember#ban
   */
  public void banFromRoom(Caller admin, RoomId room, AccountId target) {
    gated(
        admin,
        () -> {
          core.banMember().ban(new BanMember.Command(admin, room, target));
          return null;
        });
  }

  /**
   * Admin: lifts a room ban; the account is then out as if it had left, and may join again.
   *
   * @param admin an admin caller
   * @param room the room
   * @param target the banned account
   * @see UnbanMember#unban
   */
  public void unbanFromRoom(Caller admin, RoomId room, AccountId target) {
    gated(
        admin,
        () -> {
          core.unbanMember().unban(new UnbanMember.Command(admin, room, target));
          return null;
        });
  }

  // ---- messages ----

  /**
   * Sends a text message ({@code m.plain}) to a room the caller is a member of.
   *
   * @param caller the sender
   * @param room the room
   * @param text the text, trimmed; 1 to {@code message_text_max_chars} characters
   * @return the stored event; its id is its stream position
   * @see SendMessage#send
   */
  public Event send(Caller caller, RoomId room, String text) {
    return send(new SendMessage.Command(caller, room, text, Optional.empty(), Optional.empty()));
  }

  /**
   * Sends a message with every option: a {@code context} object, and a transaction id that makes
   * retries safe (the same id from the same caller returns the first event and stores nothing new).
   *
   * @param command the message
   * @return the stored event (the earlier one for a retried transaction id)
   * @see SendMessage#send
   */
  public Event send(SendMessage.Command command) {
    return gated(command.caller(), () -> core.sendMessage().send(command));
  }

  /**
   * A page of a room's messages with their reactions and {@code read_by} for the caller.
   *
   * @param caller who reads (a member, or an admin)
   * @param room the room
   * @param from exclusive start; empty starts at the newest (backward) or oldest (forward) message
   * @param direction {@link Direction#BACKWARD} for newest first, {@link Direction#FORWARD} for
   *     oldest first
   * @param limit page size, at least 1; above {@code history_limit.max} it is clamped
   * @return the page; its {@code end} is empty exactly when nothing further exists
   * @see ReadHistory#read
   */
  public HistoryPage history(
      Caller caller, RoomId room, Optional<EventId> from, Direction direction, int limit) {
    return gated(
        caller,
        () ->
            core.readHistory()
                .read(new ReadHistory.Query(caller, room, from, direction, OptionalInt.of(limit))));
  }

  /**
   * Adds the caller's reaction to a message; a repeat changes nothing.
   *
   * @param caller who reacts (a member)
   * @param room the message's room
   * @param message the message
   * @param key 1 to {@code reaction_key_max_chars} characters after trimming
   * @return whether anything changed, and the message's reactions afterwards
   * @see AddReaction#add
   */
  public ReactionResult react(Caller caller, RoomId room, EventId message, String key) {
    return gated(
        caller, () -> core.addReaction().add(new AddReaction.Command(caller, room, message, key)));
  }

  /**
   * Removes the caller's reaction from a message; removing one that is not there changes nothing.
   *
   * @param caller who reacted
   * @param room the message's room
   * @param message the message
   * @param key the reaction key
   * @return whether anything changed, and the message's reactions afterwards
   * @see RemoveReaction#remove
   */
  public ReactionResult unreact(Caller caller, RoomId room, EventId message, String key) {
    return gated(
        caller,
        () -> core.removeReaction().remove(new RemoveReaction.Command(caller, room, message, key)));
  }

  /**
   * Marks a room read up to a message; a receipt never moves backwards.
   *
   * @param caller the reader (a member)
   * @param room the room
   * @param upTo the message read up to, inclusive
   * @return the caller's receipt after the call
   * @see PostReceipt#post
   */
  public EventId markRead(Caller caller, RoomId room, EventId upTo) {
    return gated(
        caller, () -> core.postReceipt().post(new PostReceipt.Command(caller, room, upTo)));
  }

  /**
   * Says that the caller started typing (for the default timeout) or stopped.
   *
   * @param caller who types (a member)
   * @param room the room
   * @param typing true when it started, false when it stopped
   * @return how long the notice holds (zero for a stop)
   * @see SetTyping#set
   */
  public Duration typing(Caller caller, RoomId room, boolean typing) {
    return gated(
        caller,
        () -> core.setTyping().set(new SetTyping.Command(caller, room, typing, Optional.empty())));
  }

  // ---- live delivery ----

  /**
   * The newest position of the event stream: a cursor to start {@link #waitForEvents} from when the
   * host has none yet (it then gets only what happens from now on).
   *
   * @return the stream head
   */
  public EventId head() {
    requireOpen();
    return core.storage().events().head();
  }

  /**
   * Waits for the events after {@code since} in every room the caller may see. Events already there
   * come at once (at most {@code sync_batch_max}, with {@code limited} when more wait); otherwise
   * the future completes when the first arrives or {@code timeout} passes (then with no events and
   * {@code nextBatch} equal to {@code since}). No thread waits meanwhile; a future that is not
   * complete at once completes on a core thread, so do not block in its callbacks.
   *
   * <p>A host that always passes the previous {@code nextBatch} gets every event exactly once, in
   * stream order, under concurrent writers. Cancelling the future releases the wait; at most {@code
   * sync_held_per_account} waits of one account are held (an extra one answers the oldest with
   * nothing). A ban issued while waiting completes it with the {@link
   * dev.chatcore.domain.error.BannedException}; closing the chat completes it with nothing.
   *
   * @param caller who waits
   * @param since the cursor: {@link #head()}, a room's head, or the previous {@code nextBatch}
   * @param timeout how long to wait when nothing is new; clamped to {@code sync_timeout_ms}
   * @return the batch, possibly empty
   * @see Sync#sync
   */
  public CompletableFuture<SyncBatch> waitForEvents(
      Caller caller, EventId since, Duration timeout) {
    return waitForEvents(caller, since, timeout, Optional.empty());
  }

  /**
   * {@link #waitForEvents(Caller, EventId, Duration)} narrowed to some rooms.
   *
   * @param caller who waits
   * @param since the cursor
   * @param timeout how long to wait when nothing is new; clamped to {@code sync_timeout_ms}
   * @param rooms only events of these rooms, when present
   * @return the batch, possibly empty
   * @see Sync#sync
   */
  public CompletableFuture<SyncBatch> waitForEvents(
      Caller caller, EventId since, Duration timeout, Optional<Set<RoomId>> rooms) {
    requireOpen();
    gate.admitUncounted(caller); // never rate limited: a busy room wakes a waiter often
    return core.sync().sync(new Sync.Command(caller, since, timeout, rooms));
  }

  /**
   * Pushes every event the caller may see after {@code since} to {@code listener}, as it arrives:
   * exactly the batches that consecutive {@link #waitForEvents} calls following {@code nextBatch}
   * would return (same visibility, nothing skipped, nothing twice), without a wait per batch.
   * Events already there come at once. The listener is called on a core thread, one batch at a
   * time; the next batch is read only after it returns, so a slow listener holds back only its own
   * subscription, and the events wait in the log, not in memory.
   *
   * <p>A ban ends the subscription with {@code FAILED} and the {@link
   * dev.chatcore.domain.error.BannedException}; closing the chat ends it with {@code SHUTDOWN}. A
   * subscription has no lifetime and does not count against the per-account cap of network streams.
   * To resume after an end, subscribe again from the last {@code nextBatch} the listener got.
   *
   * @param caller whose view of the stream
   * @param since the cursor: {@link #head()}, a room's head, or a previous {@code nextBatch}
   * @param rooms only events of these rooms, when present
   * @param listener receives the batches and the end
   * @return the subscription; close it when the host is done
   * @see OpenStream#open
   */
  public EventSubscription subscribe(
      Caller caller, EventId since, Optional<Set<RoomId>> rooms, StreamListener listener) {
    requireOpen();
    gate.admitUncounted(caller);
    return new EventSubscription(
        core.openStream()
            .open(new OpenStream.Command(caller, since, rooms, true), new ListenerSink(listener)));
  }

  /**
   * {@link #subscribe} as a {@link Flow.Publisher} with demand: batches wait until the subscriber
   * requests them. A subscriber that leaves more than {@code StreamLimits.queuedEventsMax} events
   * unrequested gets {@code onError} with a {@link SlowSubscriberException} naming the cursor to
   * resume from, rather than the chat keeping them without bound. A ban ends it with {@code
   * onError(BannedException)}, closing the chat with {@code onComplete}. The stream opens when a
   * subscriber subscribes (one subscriber per publisher); cancelling closes it.
   *
   * @param caller whose view of the stream
   * @param since the cursor
   * @param rooms only events of these rooms, when present
   * @return a publisher for one subscriber
   * @see OpenStream#open
   */
  public Flow.Publisher<SyncBatch> events(
      Caller caller, EventId since, Optional<Set<RoomId>> rooms) {
    requireOpen();
    return new StreamPublisher(
        core.openStream(),
        new OpenStream.Command(caller, since, rooms, true),
        () -> {
          requireOpen();
          gate.admitUncounted(caller);
        });
  }

  // ---- Chat V2: global rooms and direct messages ----

  /**
   * Guarantees the player's one global room (placing it when it has none) and records its activity,
   * which keeps it there (as every Chat V2 request does): a player without such activity for the
   * idle threshold is taken out by the maintenance's idle sweep. Admins are never placed.
   *
   * @param player a player caller
   * @return the player's global room
   * @throws dev.chatcore.domain.error.ForbiddenException for an admin caller
   * @see AdmitPlayer#admit
   * @see PlaceInGlobalRoom#place
   */
  public GlobalRoom placeInGlobalRoom(Caller player) {
    return gated(
        player,
        () -> {
          if (player.admin()) throw new ForbiddenException("admins are not placed in global rooms");
          core.admitPlayer().admit(player);
          return core.placeInGlobalRoom().place(player.id());
        });
  }

  /**
   * Sends a direct message to exactly {@code players} plus the sender, creating their DM room when
   * that set has none.
   *
   * @param caller the sender
   * @param players the other members, 1 to {@code dm_members_max - 1} accounts
   * @param text the text
   * @return the message as stored, with its room
   * @see SendDirectMessage#send
   */
  public PostedMessage sendDirect(Caller caller, Set<AccountId> players, String text) {
    List<String> ids = players.stream().map(AccountId::value).toList();
    return gated(
        caller,
        () ->
            core.sendDirectMessage()
                .send(new SendDirectMessage.Command(caller, ids, text, Optional.empty())));
  }

  /**
   * Leaves a DM room; a DM left with fewer than two members closes.
   *
   * @param caller a member of the DM
   * @param room the DM room
   * @see LeaveDirectMessage#leave
   */
  public void leaveDirect(Caller caller, RoomId room) {
    gated(
        caller,
        () -> {
          core.leaveDirectMessage().leave(new LeaveDirectMessage.Command(caller, room));
          return null;
        });
  }

  // ---- moderation ----

  /**
   * Admin: bans an account from the whole service; its waits are answered at once with the ban, and
   * every later call of it is refused until the ban ends or is lifted.
   *
   * @param admin an admin caller
   * @param account the account to ban
   * @param duration empty for a permanent ban; otherwise from one second to 100 years
   * @param reason why, at most 500 characters (shown to the banned account)
   * @return the ban
   * @see BanAccount#ban
   */
  public Ban ban(Caller admin, AccountId account, Optional<Duration> duration, String reason) {
    return gated(
        admin,
        () -> core.banAccount().ban(new BanAccount.Command(admin, account, duration, reason)));
  }

  /**
   * Admin: lifts an account's ban (manual or automatic).
   *
   * @param admin an admin caller
   * @param account the banned account
   * @see UnbanAccount#unban
   */
  public void unban(Caller admin, AccountId account) {
    gated(
        admin,
        () -> {
          core.unbanAccount().unban(new UnbanAccount.Command(admin, account));
          return null;
        });
  }

  /**
   * Admin: the bans, {@code perPage} a page, or the one ban of an account.
   *
   * @param admin an admin caller
   * @param account only this account's ban, when present
   * @param page the page, from 0
   * @param perPage bans per page, at least 1
   * @return the page and how many bans follow it
   * @throws dev.chatcore.domain.error.InvalidInputException when {@code perPage} is below 1
   * @see ListBans#list
   */
  public BanPage bans(Caller admin, Optional<AccountId> account, int page, int perPage) {
    if (perPage < 1) throw new InvalidInputException("perPage", "must be at least 1");
    return gated(
        admin, () -> core.listBans().list(new ListBans.Query(admin, account, page, perPage)));
  }

  /**
   * Reports a message the caller can see and did not write; the report keeps a snapshot of the
   * conversation around it. Repeat reports refresh the snapshot and count. Reports are a Chat V2
   * feature: they cover messages of global, private and DM rooms (what Chat V2 players see); a
   * message of a {@code /v1} channel is not found.
   *
   * @param caller the reporter
   * @param message the reported message
   * @return the report after the call
   * @see ReportMessage#report
   */
  public Report report(Caller caller, EventId message) {
    return gated(
        caller,
        () -> core.reportMessage().report(new ReportMessage.Command(caller, message.toString())));
  }

  // ---- the rest ----

  /**
   * End-to-end encryption: devices, keys, to-device messages, encrypted rooms and messages.
   *
   * @return the encryption API of this chat, behind the same gate
   */
  public ChatEncryption e2ee() {
    return e2ee;
  }

  /**
   * The limits this chat runs with.
   *
   * @return the limits
   */
  public Limits limits() {
    return core.limits();
  }

  /**
   * The periodic work; the host may {@link Maintenance#add add} tasks or, when it built the chat
   * with {@link ChatBuilder#manualMaintenance()}, run them itself.
   *
   * @return the maintenance of this chat
   */
  public Maintenance maintenance() {
    return maintenance;
  }

  /**
   * Every use case of the core, for what this facade does not cover. Calls made through it bypass
   * the facade's gate: the host passes them through {@link ChatCore#callGate()} itself when it
   * wants the same checks.
   *
   * @return the core
   */
  public ChatCore core() {
    return core;
  }

  /**
   * Stops the maintenance, answers every pending wait with nothing, stops the core's threads and
   * closes the storage when the chat owns it. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    maintenance.stop();
    core.close();
    onClose.run();
  }

  <T> T gated(Caller caller, Supplier<T> call) {
    requireOpen();
    if (rateLimited) gate.admit(caller);
    else gate.admitUncounted(caller);
    return call.get();
  }

  private void requireOpen() {
    if (closed) throw new IllegalStateException("chat is closed");
  }
}
