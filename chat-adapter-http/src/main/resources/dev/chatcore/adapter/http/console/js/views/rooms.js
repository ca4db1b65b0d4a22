// Rooms: global, private and direct-message rooms with their member counts; create, edit and
// delete private rooms; watch one room live.

import { api, InputError, query } from '../api.js';
import { dialog, field, fill, h, heading, select, table } from '../dom.js';
import { act, showNotice } from '../notice.js';
import { pager } from './pager.js';
import { renderWatch } from './watch.js';

const CHANNELS = [[2, 'Guild (2)'], [1, 'Global (1)'], [255, 'All (255)'], [0, 'None (0)']];

export async function render(main, [roomId]) {
  const list = h('section', { class: 'panel', 'aria-labelledby': 'rooms-title' });
  const watch = h('section', { class: 'panel', id: 'watch', 'aria-labelledby': 'watch-title' });
  fill(main, heading(roomId ? `Room ${roomId}` : 'Rooms'), roomId ? watch : null, list,
    createForm(() => showRooms(list, 0)));
  await showRooms(list, 0);
  return roomId ? renderWatch(watch, roomId) : undefined;
}

async function showRooms(section, page) {
  const data = await api('GET', `/chat/admin/rooms${query({ page })}`);
  const reload = () => showRooms(section, page);
  const rows = data.rooms.map((r) => [
    r.type + (r.number ? ` ${r.number}` : ''),
    h('span', { class: 'id' }, r.id),
    String(r.members.length),
    r.data ? h('code', {}, JSON.stringify(r.data)) : '',
    h('div', { class: 'row-actions' },
      h('a', { href: `#/rooms/${r.id}`, class: 'button watch-room', 'aria-label': `Watch room ${r.id}` }, 'Watch'),
      r.type === 'Private' ? editButton(r, reload) : null,
      r.type === 'Private' ? deleteButton(r, reload) : null),
  ]);
  fill(section,
    h('h2', { id: 'rooms-title' }, 'All rooms'),
    rows.length ? table('Global rooms by number, then private, then direct messages', ['Room', 'Id', 'Members', 'Data', ''], rows)
      : h('p', { class: 'muted' }, 'No rooms yet: players get a global room on their first request.'),
    pager(page, data.remainingRoomCount, (p) => act(null, () => showRooms(section, p))));
}

function createForm(created) {
  const members = h('textarea', { id: 'new-room-members', name: 'accountIds', required: true });
  const data = h('textarea', { id: 'new-room-data', name: 'data', placeholder: '{"guild": "wolves"}' });
  const channel = select({ id: 'new-room-channel', name: 'channel' }, CHANNELS, 2);
  const form = h('form', { class: 'panel', id: 'new-room-form', 'aria-labelledby': 'new-room-title' },
    h('h2', { id: 'new-room-title' }, 'New private room'),
    field('Members', members, 'Player ids, separated by spaces, commas or new lines (1 to 50).'),
    field('Data', data, 'Optional JSON object the game reads, e.g. the guild.'),
    field('Broadcast channel', channel),
    h('button', { type: 'submit', class: 'primary' }, 'Create room'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form.querySelector('button'), async () => {
      const body = { accountIds: ids(members.value), channel: Number(channel.value) };
      const parsed = jsonObject(data.value);
      if (parsed) body.data = parsed;
      const { room } = await api('POST', '/chat/admin/rooms/new', { body });
      showNotice(`Private room ${room.id} is created with ${room.members.length} members.`);
      form.reset();
      await created();
    });
  });
  return form;
}

function editButton(room, reload) {
  const button = h('button', { type: 'button', class: 'edit-room', 'aria-label': `Edit room ${room.id}` }, 'Edit');
  button.addEventListener('click', () => act(button, async () => {
    const form = await dialog(`Edit private room ${room.id}`, [
      field('Members', h('textarea', { name: 'accountIds', required: true }, room.members.join('\n')),
        'The new member list: removed players leave, added ones join.'),
      field('Data', h('textarea', { name: 'data' }, room.data ? JSON.stringify(room.data) : ''),
        'Left empty, the room keeps its data.'),
    ], 'Save');
    if (!form) return;
    const body = { roomId: room.id, accountIds: ids(form.get('accountIds')) };
    if (body.accountIds.length === 0) throw new InputError('list at least one member (Delete removes the room)');
    const parsed = jsonObject(form.get('data'));
    if (parsed) body.data = parsed;
    await api('PATCH', '/chat/admin/rooms/update', { body });
    showNotice(`Room ${room.id} is saved.`);
    await reload();
  }));
  return button;
}

function deleteButton(room, reload) {
  const button = h('button', { type: 'button', class: 'danger delete-room', 'aria-label': `Delete room ${room.id}` }, 'Delete');
  button.addEventListener('click', () => act(button, async () => {
    const form = await dialog(`Delete private room ${room.id}`,
      [h('p', {}, `Its ${room.members.length} members lose it, and its messages are deleted.`)], 'Delete room', { danger: true });
    if (!form) return;
    const { messagesDeleted } = await api('PATCH', '/chat/admin/rooms/update', { body: { roomId: room.id, accountIds: [] } });
    showNotice(`Room ${room.id} is deleted with ${messagesDeleted} messages.`);
    await reload();
  }));
  return button;
}

function ids(text) {
  return String(text).split(/[\s,]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
}

/** The JSON object typed in a Data field; null when it is blank. */
function jsonObject(text) {
  const trimmed = String(text ?? '').trim();
  if (!trimmed) return null;
  let value;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new InputError('Data is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('Data must be a JSON object');
  }
  return value;
}
