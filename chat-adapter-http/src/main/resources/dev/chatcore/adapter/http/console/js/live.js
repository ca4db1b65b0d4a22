// Following one room as it happens. Only `roomEvents` knows the transport: the Server-Sent Events
// stream GET /v1/events with the room as filter (an admin's filter watches the room whole). An
// EventSource cannot send the Authorization header, so each connection opens with a single-use
// stream ticket (POST /v1/stream-tickets) in the URL; the token itself never goes in a URL.

import { api, ApiError, query } from './api.js';

/** Every event type the stream names (`event:`): an EventSource hears only the types it listens to. */
const EVENT_TYPES = ['m.plain', 'm.encrypted', 'm.encryption', 'm.room.created', 'm.room.deleted', 'm.member',
  'm.reaction', 'm.edit', 'm.redaction', 'm.typing', 'm.receipt'];

/**
 * Watches `roomId` from the cursor `since`: `onEvents(events)` gets each batch in stream order,
 * `onState(state, error)` hears 'live', 'retrying' (after a failure, with the error) or
 * 'stopped' (for good, with the error). Returns a function that stops watching.
 */
export function watchRoom(roomId, since, { onEvents, onState }) {
  const controller = new AbortController();
  (async () => {
    try {
      for await (const events of roomEvents(roomId, since, controller.signal, onState)) onEvents(events);
    } catch (e) {
      if (e.name !== 'AbortError') onState('stopped', e);
    }
  })();
  return () => controller.abort();
}

/**
 * The room's events after `since`, until aborted or refused. A stream that ends (its lifetime, a
 * server restart) or breaks is opened again from the last event id it gave, with a new ticket:
 * the browser's own reconnect would reuse the spent ticket.
 */
async function* roomEvents(roomId, since, signal, onState) {
  const cursor = { at: since };
  let failures = 0;
  while (!signal.aborted) {
    try {
      const { ticket } = await api('POST', '/v1/stream-tickets', { signal });
      const url = `/v1/events${query({ since: cursor.at, filter: roomId, ticket })}`;
      for await (const events of connection(url, signal, cursor, () => {
        failures = 0;
        onState('live');
      })) yield events;
    } catch (e) {
      // refusals do not get better by asking again; a lost connection or an outage may
      if (e.name === 'AbortError' || [400, 401, 403, 404].includes(e.status)) throw e;
      failures++;
      onState('retrying', e);
      await pause(Math.min(30000, 1000 * 2 ** failures), signal);
    }
  }
}

/**
 * One EventSource: yields each event as a batch of one and moves `cursor.at` past it. Returns when
 * the server ends the stream routinely (`event: end`); throws the server's refusal
 * (`event: error`) as an ApiError, and a lost connection as a network error.
 */
async function* connection(url, signal, cursor, opened) {
  const source = new EventSource(url);
  const queue = [];
  let wake = () => {};
  const push = (item) => {
    queue.push(item);
    wake();
  };
  source.onopen = opened;
  for (const type of EVENT_TYPES) source.addEventListener(type, (m) => push({ event: JSON.parse(m.data), id: m.lastEventId }));
  source.addEventListener('end', () => push({ end: true }));
  source.addEventListener('error', (m) => push({ failure: refusal(m) }));
  const abort = () => push({ failure: new DOMException('aborted', 'AbortError') });
  signal.addEventListener('abort', abort, { once: true });
  try {
    while (true) {
      if (!queue.length) await new Promise((resolve) => { wake = resolve; });
      const item = queue.shift();
      if (item.end) return;
      if (item.failure) throw item.failure;
      cursor.at = item.id;
      yield [item.event];
    }
  } finally {
    source.close();
    signal.removeEventListener('abort', abort);
  }
}

/** The server's `event: error` carries the error body; the browser's own error event is a lost connection. */
function refusal(m) {
  if (typeof m.data !== 'string') return new ApiError(0, 'network', 'the live stream was interrupted');
  const body = JSON.parse(m.data);
  const status = { banned: 401, unauthorized: 401, forbidden: 403, not_found: 404, unavailable: 503 }[body.error] ?? 500;
  return new ApiError(status, body.error, body.message ?? '', body);
}

function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
