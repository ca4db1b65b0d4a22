// One player: ban state and history, recent messages (paged), the hacked messages it sent, its
// rooms; ban, unban, lift an automatic ban.

import { api, query } from '../api.js';
import { banPlayer, liftBan } from '../actions.js';
import { field, fill, h, heading, playerLink, table, textCell } from '../dom.js';
import { when } from '../format.js';
import { act } from '../notice.js';
import { messageTable, roomLink } from './message-table.js';
import { pager } from './pager.js';

const ACCOUNT_ID = /^[0-9a-fA-F]{24}$/;

export async function render(main, [accountId]) {
  const input = h('input', { id: 'player-id', name: 'accountId', required: true, pattern: '[0-9a-fA-F]{24}',
    value: accountId ?? '', class: 'wide', autocomplete: 'off', spellcheck: 'false' });
  const form = h('form', { class: 'panel', id: 'player-form', role: 'search' },
    h('div', { class: 'inline' },
      field('Player id', input, '24 hexadecimal characters, as reports and message lists show them.'),
      h('button', { type: 'submit', class: 'primary' }, 'Look up')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/players/${input.value.trim().toLowerCase()}`;
  });
  const found = h('div', { id: 'player' });
  fill(main, heading(accountId ? `Player ${accountId}` : 'Players'), form, found);
  if (!accountId) return;
  if (!ACCOUNT_ID.test(accountId)) {
    fill(found, h('p', { class: 'panel' }, 'A player id is 24 hexadecimal characters.'));
    return;
  }
  const bans = h('section', { class: 'panel', 'aria-labelledby': 'bans-title' });
  const messages = h('section', { class: 'panel', 'aria-labelledby': 'player-messages-title' });
  const rooms = h('section', { class: 'panel', 'aria-labelledby': 'player-rooms-title' });
  fill(found, bans, messages, rooms);
  await Promise.all([showBans(bans, accountId), showMessages(messages, accountId, 0), showRooms(rooms, accountId)]);
}

async function showBans(section, accountId) {
  const data = await api('GET', `/chat/admin/bans/history${query({ accountId })}`);
  const current = data.history.find((b) => b.active);
  const reload = () => showBans(section, accountId);
  const ban = h('button', { type: 'button', class: 'danger', id: 'ban-player' }, current ? 'Change ban\u2026' : 'Ban\u2026');
  ban.addEventListener('click', () => act(ban, async () => {
    if (await banPlayer(accountId)) await reload();
  }));
  const lift = current
    ? h('button', { type: 'button', id: 'lift-ban' }, current.automatic ? 'Lift automatic ban\u2026' : 'Unban\u2026')
    : null;
  lift?.addEventListener('click', () => act(lift, async () => {
    if (await liftBan(accountId, current.automatic)) await reload();
  }));
  const rows = data.history.map((b) => [when(b.createdOn), b.until === null ? 'permanent' : when(b.until),
    textCell(b.reason || '(no reason)'), b.automatic ? 'automatic' : playerLink(b.bannedBy), b.active ? 'yes' : 'no']);
  fill(section,
    h('h2', { id: 'bans-title' }, 'Ban'),
    h('p', { id: 'ban-state' }, current
      ? [h('span', { class: 'badge banned' }, 'Banned'), ` ${current.until === null ? 'permanently' : `until ${when(current.until)}`}`,
        current.automatic ? ' (automatic, for spam)' : '', current.reason ? ` \u2014 ${current.reason}` : '']
      : [h('span', { class: 'badge clear' }, 'Not banned')]),
    h('div', { class: 'actions' }, ban, lift),
    h('h3', {}, 'History'),
    rows.length ? table('Every ban, newest first', ['Issued', 'Until', 'Reason', 'By', 'In force'], rows)
      : h('p', { class: 'muted' }, 'Never banned.'),
    h('p', { class: 'muted' }, `Automatic-ban offences on record: ${data.offences.count}`
      + (data.offences.lastOn ? `, the last on ${when(data.offences.lastOn)}` : '')));
}

async function showMessages(section, accountId, page) {
  const data = await api('GET', `/chat/admin/messages${query({ accountId, page })}`);
  const reload = () => showMessages(section, accountId, page);
  const go = (p) => act(null, () => showMessages(section, accountId, p));
  fill(section,
    h('h2', { id: 'player-messages-title' }, 'Recent messages'),
    data.messages.length ? messageTable('Newest first', data.messages, reload) : h('p', { class: 'muted' }, 'No messages on this page.'),
    pager(page, Math.max(data.remainingMessageCount, data.remainingHackedMessageCount), go),
    h('h3', {}, 'Hacked messages'),
    h('p', { class: 'muted' }, 'Sent to a room that does not exist or the player is not in. No player saw them.'),
    data.hackedMessages.length
      ? table('Newest first', ['Sent', 'Room named', 'Text'],
        data.hackedMessages.map((m) => [when(m.createdOn), h('span', { class: 'id' }, m.roomId), textCell(m.text || '(no text)')]))
      : h('p', {}, 'None on this page.'));
}

async function showRooms(section, accountId) {
  const data = await api('GET', `/chat/admin/rooms${query({ accountId })}`);
  fill(section,
    h('h2', { id: 'player-rooms-title' }, 'Rooms'),
    data.rooms.length
      ? table('The global room, then private and direct-message rooms', ['Type', 'Room', 'Members'],
        data.rooms.map((r) => [r.type, roomLink(r.id), String(r.members.length)]))
      : h('p', { class: 'muted' }, 'In no room now.'));
}
