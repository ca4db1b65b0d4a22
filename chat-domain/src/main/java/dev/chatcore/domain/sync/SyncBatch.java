package dev.chatcore.domain.sync;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer to a sync: events after the cursor in stream order.
 *
 * @param nextBatch the cursor to pass next; never before the request's cursor
 * @param limited true when more events (or to-device messages) were waiting than one answer may
 *     carry
 * @param device for a caller on a device: its to-device messages, device-list changes and key
 *     counts; empty for a caller without a device
 */
public record SyncBatch(
    List<Event> events, EventId nextBatch, boolean limited, Optional<DeviceUpdates> device) {
  public SyncBatch {
    events = List.copyOf(events);
    Objects.requireNonNull(nextBatch, "nextBatch");
    Objects.requireNonNull(device, "device");
  }

  /** An answer without device updates. */
  public SyncBatch(List<Event> events, EventId nextBatch, boolean limited) {
    this(events, nextBatch, limited, Optional.empty());
  }

  /** An answer with nothing new. */
  public static SyncBatch empty(EventId since) {
    return new SyncBatch(List.of(), since, false);
  }
}
