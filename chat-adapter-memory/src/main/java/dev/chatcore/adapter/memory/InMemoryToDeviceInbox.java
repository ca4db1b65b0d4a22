package dev.chatcore.adapter.memory;

import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.ToDeviceMessage;
import dev.chatcore.domain.e2ee.ToDeviceSend;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.ToDeviceInbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Inboxes in memory under one lock: to-device traffic is a trickle beside messages (a key share per
 * session, not per message), so the simplest exact structure is the right one. Each device's inbox
 * is sorted by position; a send is remembered by its key until it expires, delivered or not.
 */
public final class InMemoryToDeviceInbox implements ToDeviceInbox {
  private final Object lock = new Object();
  private final Map<String, ToDeviceSend> sends = new HashMap<>(); // guarded by lock
  private final Map<DeviceAddress, NavigableMap<Long, ToDeviceSend>> inboxes =
      new HashMap<>(); // guarded by lock

  @Override
  public boolean store(ToDeviceSend send, Optional<EventId> replacing) {
    synchronized (lock) {
      ToDeviceSend stored = sends.get(send.key());
      if (stored != null) {
        if (replacing.filter(stored.position()::equals).isEmpty()) return false;
        remove(stored);
      }
      sends.put(send.key(), send);
      for (DeviceAddress recipient : send.messages().keySet()) {
        inboxes
            .computeIfAbsent(recipient, r -> new TreeMap<>())
            .put(send.position().position(), send);
      }
      return true;
    }
  }

  private void remove(ToDeviceSend send) {
    for (DeviceAddress recipient : send.messages().keySet()) {
      NavigableMap<Long, ToDeviceSend> inbox = inboxes.get(recipient);
      if (inbox == null) continue;
      inbox.remove(send.position().position(), send);
      if (inbox.isEmpty()) inboxes.remove(recipient);
    }
  }

  @Override
  public boolean contains(String sendKey) {
    synchronized (lock) {
      return sends.containsKey(sendKey);
    }
  }

  @Override
  public List<ToDeviceMessage> read(DeviceAddress device, EventId after, EventId upTo, int limit) {
    synchronized (lock) {
      NavigableMap<Long, ToDeviceSend> inbox = inboxes.get(device);
      if (inbox == null || !upTo.isAfter(after)) return List.of();
      List<ToDeviceMessage> out = new ArrayList<>();
      for (ToDeviceSend send :
          inbox.subMap(after.position(), false, upTo.position(), true).values()) {
        if (out.size() == limit) break;
        out.add(send.messageFor(device));
      }
      return out;
    }
  }

  @Override
  public long acknowledge(DeviceAddress device, EventId upTo) {
    synchronized (lock) {
      NavigableMap<Long, ToDeviceSend> inbox = inboxes.get(device);
      if (inbox == null) return 0;
      NavigableMap<Long, ToDeviceSend> delivered = inbox.headMap(upTo.position(), true);
      long removed = delivered.size();
      delivered.clear();
      if (inbox.isEmpty()) inboxes.remove(device);
      return removed;
    }
  }

  @Override
  public void deleteDevice(DeviceAddress device) {
    synchronized (lock) {
      inboxes.remove(device);
    }
  }

  @Override
  public long purgeExpired(Instant now) {
    synchronized (lock) {
      long purged = 0;
      for (Iterator<ToDeviceSend> it = sends.values().iterator(); it.hasNext(); ) {
        ToDeviceSend send = it.next();
        if (send.expiresAt().isAfter(now)) continue;
        it.remove();
        remove(send);
        purged++;
      }
      return purged;
    }
  }
}
