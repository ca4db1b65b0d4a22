package dev.chatcore.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.Events;
import dev.chatcore.domain.testing.TestIds;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StreamSliceTest {
  private final RoomId room = TestIds.room();
  private final EventId snapshot = new EventId(100);

  @Test
  void aStoreFetchesOneEventMoreThanTheLimit() {
    assertEquals(11, StreamSlice.fetchSize(10));
  }

  @Test
  void moreThanTheLimitKeepsTheLimitAndEndsAtTheLastEventKept() {
    StreamSlice slice = StreamSlice.fromFetched(events(1, 2, 3, 4), 3, snapshot);
    assertEquals(List.of(new EventId(1), new EventId(2), new EventId(3)), ids(slice));
    assertTrue(slice.limited());
    assertEquals(
        new EventId(3), slice.upTo(), "the next read starts after the last event returned");
  }

  @Test
  void upToTheLimitKeepsEverythingAndCoversTheSnapshot() {
    for (List<Event> fetched : List.of(events(), events(7), events(7, 9))) {
      StreamSlice slice = StreamSlice.fromFetched(fetched, 2, snapshot);
      assertEquals(fetched, slice.events());
      assertFalse(slice.limited(), "exactly the limit is not limited");
      assertEquals(snapshot, slice.upTo());
    }
  }

  private List<Event> events(long... positions) {
    return LongStream.of(positions)
        .mapToObj(p -> Events.message(room, "m" + p).at(new EventId(p)))
        .toList();
  }

  private static List<EventId> ids(StreamSlice slice) {
    return slice.events().stream().map(Event::id).toList();
  }
}
