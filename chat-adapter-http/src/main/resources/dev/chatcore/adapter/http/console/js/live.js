// Following one room as it happens. Only `roomEvents` knows the transport: long-poll
// GET /v1/sync with the room as filter. When GET /v1/events (Server-Sent Events) is there, an
// EventSource-based `roomEvents` with the same shape replaces it and nothing else changes.

import { api, query } from './api.js';

/** How long the server may hold one poll. */
const POLL_TIMEOUT_MS = 30000;

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

/** The room's events after `since`, batch by batch, until aborted or refused. */
async function* roomEvents(roomId, since, signal, onState) {
  let cursor = since;
  let failures = 0;
  while (!signal.aborted) {
    try {
      onState('live');
      const batch = await api('GET', `/v1/sync${query({ since: cursor, timeout: POLL_TIMEOUT_MS, filter: roomId })}`, { signal });
      failures = 0;
      cursor = batch.next_batch;
      if (batch.events.length) yield batch.events;
    } catch (e) {
      // refusals do not get better by asking again; a lost connection or an outage may
      if (e.name === 'AbortError' || [400, 401, 403, 404].includes(e.status)) throw e;
      failures++;
      onState('retrying', e);
      await pause(Math.min(30000, 1000 * 2 ** failures), signal);
    }
  }
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
