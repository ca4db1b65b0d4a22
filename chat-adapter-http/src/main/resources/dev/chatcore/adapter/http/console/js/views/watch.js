// Watching one room live: its recent messages, then every event as it comes, newest at the bottom.

import { api, describe, query } from '../api.js';
import { fill, h, playerLink } from '../dom.js';
import { whenMs } from '../format.js';
import { watchRoom } from '../live.js';

/** The cursor before any event: a room with no event yet is watched from the start. */
const ORIGIN = '000000000000000000000000';
const RECENT = 30;

/** Fills `section` and starts watching; returns the function that stops. */
export async function renderWatch(section, roomId) {
  // the head first, then history: an event between the two comes twice and is shown once
  const room = await api('GET', `/v1/rooms/${encodeURIComponent(roomId)}`);
  const history = await api('GET', `/v1/rooms/${encodeURIComponent(roomId)}/messages${query({ dir: 'b', limit: RECENT })}`);
  const state = h('p', { class: 'live-state', id: 'watch-state' }, 'Connecting\u2026');
  const log = h('ol', { class: 'log', id: 'watch-log', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const stop = h('a', { href: '#/rooms', class: 'button' }, 'Stop watching');
  fill(section,
    h('h2', { id: 'watch-title' }, `Watching ${room.name ?? room.type} room`),
    h('p', { class: 'muted' }, `${room.member_count} members \u00b7 id `, h('span', { class: 'id' }, room.room_id)),
    state, log, h('div', { class: 'actions' }, stop));
  const shown = new Set();
  const show = (events) => {
    for (const e of events) {
      // typing and read receipts would drown the conversation
      if (shown.has(e.event_id) || e.type === 'm.typing' || e.type === 'm.receipt') continue;
      shown.add(e.event_id);
      log.append(eventItem(e));
    }
    log.scrollTop = log.scrollHeight;
  };
  show([...history.chunk].reverse());
  return watchRoom(roomId, room.head ?? ORIGIN, {
    onEvents: show,
    onState(now, error) {
      state.classList.toggle('on', now === 'live');
      if (now === 'live') state.textContent = 'Live: new events appear below as they happen.';
      else if (now === 'retrying') state.textContent = `Connection lost, retrying. ${describe(error)}`;
      else state.textContent = `Stopped. ${describe(error)}`;
    },
  });
}

function eventItem(e) {
  const meta = h('div', { class: 'meta' }, whenMs(e.origin_ts), ' \u00b7 ', playerLink(e.sender));
  switch (e.type) {
    case 'm.plain':
      return h('li', { 'data-event': e.event_id }, meta, h('div', {}, e.content.text || '(no text)'));
    case 'm.edit':
      return h('li', {}, meta, h('div', { class: 'kind' }, `edited ${e.content.edits}: `, e.content.text ?? ''));
    case 'm.redaction':
      return h('li', {}, meta, h('div', { class: 'kind' }, `deleted message ${e.content.redacts}`));
    case 'm.member':
      return h('li', {}, meta, h('div', { class: 'kind' }, `${e.content.membership}: `, playerLink(e.content.user_id)));
    default:
      return h('li', {}, meta, h('div', { class: 'kind' }, e.type));
  }
}
