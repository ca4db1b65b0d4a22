// A table of messages (stream messages or announcements) with Edit and Delete on each row.

import { deleteMessage, editMessage } from '../actions.js';
import { h, playerLink, table, textCell } from '../dom.js';
import { when } from '../format.js';
import { act } from '../notice.js';

/**
 * @param caption what the table lists (read by screen readers)
 * @param changed called after an edit or delete, to reload
 * @param announcements true for announcements: "End" instead of "Delete", expiry instead of room
 */
export function messageTable(caption, messages, changed, { announcements = false } = {}) {
  const headers = announcements
    ? ['Posted', 'Ends', 'Text', '']
    : ['Sent', 'Author', 'Room', 'Text', ''];
  const rows = messages.map((m) => {
    const edit = h('button', { type: 'button', class: 'edit-message', 'aria-label': `Edit message ${m.id}` }, 'Edit');
    edit.addEventListener('click', () => act(edit, async () => {
      if (await editMessage(m)) await changed();
    }));
    const del = h('button', { type: 'button', class: 'danger delete-message', 'aria-label': `${announcements ? 'End' : 'Delete'} message ${m.id}` },
      announcements ? 'End' : 'Delete');
    del.addEventListener('click', () => act(del, async () => {
      if (await deleteMessage(m, { announcement: announcements })) await changed();
    }));
    const text = textCell([m.text || '(no text)', m.updatedOn ? h('span', { class: 'muted' }, ' (edited)') : null]);
    const actions = h('div', { class: 'row-actions' }, edit, del);
    return announcements
      ? [when(m.createdOn), when(m.expiration), text, actions]
      : [when(m.createdOn), playerLink(m.accountId), roomLink(m.roomId), text, actions];
  });
  return table(caption, headers, rows, (i) => ({ 'data-id': messages[i].id }));
}

export function roomLink(roomId) {
  if (!roomId) return h('span', { class: 'muted' }, 'none');
  return h('a', { href: `#/rooms/${encodeURIComponent(roomId)}`, class: 'id', title: 'Watch this room' }, roomId);
}
