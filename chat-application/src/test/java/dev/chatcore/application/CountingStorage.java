package dev.chatcore.application;

import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.BanRepository;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.port.DeviceRepository;
import dev.chatcore.domain.port.OneTimeKeyRepository;
import dev.chatcore.domain.port.ToDeviceInbox;
import dev.chatcore.domain.port.EventFeed;
import dev.chatcore.domain.port.HackedMessageRepository;
import dev.chatcore.domain.port.AnnouncementRepository;
import dev.chatcore.domain.port.ReportRepository;
import dev.chatcore.domain.port.PreferencesRepository;
import dev.chatcore.domain.port.ActivityRepository;
import dev.chatcore.domain.port.DmRoomRepository;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.InviteRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.port.RoomRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A storage that counts every port call ({@code "ReactionRepository.aggregates"}), for cost tests. */
public final class CountingStorage implements ChatStorage {
  private final ChatStorage inner;
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

  public CountingStorage(ChatStorage inner) {
    this.inner = inner;
  }

  /** Calls of {@code Port.method} since the last {@link #reset()}. */
  public long calls(String portAndMethod) {
    AtomicLong n = calls.get(portAndMethod);
    return n == null ? 0 : n.get();
  }

  /** Total calls to one port since the last reset. */
  public long callsTo(Class<?> port) {
    String prefix = port.getSimpleName() + ".";
    return calls.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> e.getValue().get()).sum();
  }

  public void reset() {
    calls.clear();
  }

  private <T> T counted(Class<T> port, T target) {
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
      calls.computeIfAbsent(port.getSimpleName() + "." + method.getName(), k -> new AtomicLong()).incrementAndGet();
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }

  @Override
  public AccountRepository accounts() {
    return counted(AccountRepository.class, inner.accounts());
  }

  @Override
  public RoomRepository rooms() {
    return counted(RoomRepository.class, inner.rooms());
  }

  @Override
  public MembershipRepository memberships() {
    return counted(MembershipRepository.class, inner.memberships());
  }

  @Override
  public EventLog events() {
    return counted(EventLog.class, inner.events());
  }

  @Override
  public InviteRepository invites() {
    return counted(InviteRepository.class, inner.invites());
  }

  @Override
  public BanRepository bans() {
    return counted(BanRepository.class, inner.bans());
  }

  @Override
  public ReactionRepository reactions() {
    return counted(ReactionRepository.class, inner.reactions());
  }

  @Override
  public ReceiptRepository receipts() {
    return counted(ReceiptRepository.class, inner.receipts());
  }

  @Override
  public GlobalRoomRepository globalRooms() {
    return counted(GlobalRoomRepository.class, inner.globalRooms());
  }

  @Override
  public DmRoomRepository dmRooms() {
    return counted(DmRoomRepository.class, inner.dmRooms());
  }

  @Override
  public ActivityRepository activity() {
    return counted(ActivityRepository.class, inner.activity());
  }

  @Override
  public PreferencesRepository preferences() {
    return counted(PreferencesRepository.class, inner.preferences());
  }

  @Override
  public ReportRepository reports() {
    return counted(ReportRepository.class, inner.reports());
  }

  @Override
  public AnnouncementRepository announcements() {
    return counted(AnnouncementRepository.class, inner.announcements());
  }

  @Override
  public HackedMessageRepository hackedMessages() {
    return counted(HackedMessageRepository.class, inner.hackedMessages());
  }

  @Override
  public DeviceRepository devices() {
    return counted(DeviceRepository.class, inner.devices());
  }

  @Override
  public OneTimeKeyRepository oneTimeKeys() {
    return counted(OneTimeKeyRepository.class, inner.oneTimeKeys());
  }

  @Override
  public ToDeviceInbox toDeviceInbox() {
    return counted(ToDeviceInbox.class, inner.toDeviceInbox());
  }

  @Override
  public EventFeed feed() {
    return inner.feed();
  }

  @Override
  public void checkReady() {
    inner.checkReady();
  }

  @Override
  public String kind() {
    return inner.kind();
  }

  @Override
  public void close() {
    inner.close();
  }
}
