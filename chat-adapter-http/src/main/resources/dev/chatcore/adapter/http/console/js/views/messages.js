// Messages: the newest, or those containing a text (literal, case-insensitive), paged; edit and
// delete. Sending a broadcast to a room or an announcement to everyone; the active announcements.

import { api, query } from '../api.js';
import { field, fill, h, heading, select } from '../dom.js';
import { EXPIRY_PRESETS } from '../format.js';
import { act, showNotice } from '../notice.js';
import { messageTable } from './message-table.js';
import { pager } from './pager.js';

export async function render(main) {
  const results = h('div', { id: 'message-results' });
  const announcements = h('section', { class: 'panel', 'aria-labelledby': 'announcements-title' });
  let term = '';
  const reload = (page = 0) => showMessages(results, term, page);

  const termInput = h('input', { id: 'search-term', name: 'term', type: 'search', maxlength: 200, class: 'wide' });
  const search = h('form', { class: 'panel', role: 'search', id: 'search-form' },
    h('div', { class: 'inline' },
      field('Text contains', termInput, 'Matched literally, upper or lower case alike.'),
      h('button', { type: 'submit', class: 'primary' }, 'Search'),
      h('button', { type: 'reset' }, 'Show newest')));
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    term = termInput.value.trim();
    act(search.querySelector('button[type=submit]'), () => reload());
  });
  search.addEventListener('reset', () => {
    term = '';
    act(null, () => reload());
  });

  fill(main, heading('Messages'), search, h('section', { class: 'panel', 'aria-label': 'Messages found' }, results),
    h('div', { class: 'columns even' }, sendForm(() => showAnnouncements(announcements)), announcements));
  await Promise.all([reload(), showAnnouncements(announcements)]);
}

async function showMessages(results, term, page) {
  // only the last listing asked for is shown, whichever answer comes last
  const turn = String(Number(results.dataset.turn ?? 0) + 1);
  results.dataset.turn = turn;
  const data = term
    ? await api('GET', `/chat/admin/messages/search${query({ term, page })}`)
    : await api('GET', `/chat/admin/messages${query({ page })}`);
  if (results.dataset.turn !== turn) return;
  const caption = term ? `Messages containing \u201c${term}\u201d, newest first` : 'The newest messages';
  fill(results,
    h('h2', {}, term ? 'Search results' : 'Newest messages'),
    data.messages.length ? messageTable(caption, data.messages, () => showMessages(results, term, page))
      : h('p', { id: 'no-messages' }, term ? 'No message contains that text.' : 'No messages.'),
    pager(page, data.remainingMessageCount, (p) => act(null, () => showMessages(results, term, p))));
}

async function showAnnouncements(section) {
  const data = await api('GET', '/chat/admin/messages');
  fill(section,
    h('h2', { id: 'announcements-title' }, 'Active announcements'),
    data.announcements.length
      ? messageTable('Every player gets these, oldest first', data.announcements, () => showAnnouncements(section),
        { announcements: true })
      : h('p', { class: 'muted' }, 'None.'));
}

function sendForm(sent) {
  const text = h('textarea', { id: 'send-text', name: 'text', required: true, maxlength: 4000 });
  const everyone = h('input', { type: 'radio', name: 'target', value: 'announcement', id: 'target-announcement', checked: true });
  const oneRoom = h('input', { type: 'radio', name: 'target', value: 'room', id: 'target-room' });
  const room = h('input', { id: 'send-room', name: 'roomId', pattern: '[0-9a-fA-F]{24}', disabled: true, autocomplete: 'off' });
  const expiry = select({ id: 'send-expiry', name: 'expiry' }, EXPIRY_PRESETS, '');
  for (const radio of [everyone, oneRoom]) {
    radio.addEventListener('change', () => {
      room.disabled = !oneRoom.checked;
      room.required = oneRoom.checked;
    });
  }
  const form = h('form', { class: 'panel', id: 'send-form', 'aria-labelledby': 'send-title' },
    h('h2', { id: 'send-title' }, 'Send'),
    field('Text', text),
    h('fieldset', {}, h('legend', {}, 'To'),
      h('div', {}, everyone, h('label', { for: 'target-announcement' }, 'Every player (announcement)')),
      h('div', {}, oneRoom, h('label', { for: 'target-room' }, 'One room (broadcast)'))),
    field('Room id', room, 'Only for a broadcast to one room.'),
    field('Ends', expiry),
    h('button', { type: 'submit', class: 'primary' }, 'Send'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form.querySelector('button[type=submit]'), async () => {
      const message = { text: text.value };
      if (oneRoom.checked) message.roomId = room.value.trim().toLowerCase();
      const body = { messages: [message] };
      if (expiry.value) body.expiration = Math.floor(Date.now() / 1000) + Number(expiry.value);
      await api('POST', '/chat/admin/broadcast', { body });
      showNotice(oneRoom.checked ? 'The broadcast is sent to the room.' : 'The announcement is sent to every player.');
      text.value = '';
      await sent();
    });
  });
  return form;
}
