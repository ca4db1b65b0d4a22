// The moderation acts several screens offer (ban, lift a ban, edit or delete a message): each asks
// in a dialog, calls the API, and says what happened. A cancelled dialog resolves to null.

import { api, query } from './api.js';
import { dialog, field, h, select } from './dom.js';
import { BAN_PRESETS, when } from './format.js';
import { showNotice } from './notice.js';

/** Bans a player for a preset duration (or for good) with a reason; resolves with the ban. */
export async function banPlayer(accountId) {
  const form = await dialog(`Ban player ${accountId}`, [
    field('Duration', select({ name: 'duration', id: 'ban-duration' }, BAN_PRESETS, 1800)),
    field('Reason', h('input', { name: 'reason', id: 'ban-reason', required: true, maxlength: 500, class: 'wide' }),
      'Shown to the player with the ban.'),
  ], 'Ban', { danger: true });
  if (!form) return null;
  const duration = form.get('duration') === 'permanent' ? null : Number(form.get('duration'));
  const { ban } = await api('POST', '/chat/admin/bans', {
    body: { accountId, duration, reason: form.get('reason') },
  });
  showNotice(ban.until === null
    ? `Player ${accountId} is banned permanently.`
    : `Player ${accountId} is banned until ${when(ban.until)}.`);
  return ban;
}

/** Lifts a player's ban, manual or automatic, after asking. */
export async function liftBan(accountId, automatic) {
  const label = automatic ? 'Lift automatic ban' : 'Unban';
  const form = await dialog(`${label}: ${accountId}`, [
    h('p', {}, 'The player can use the chat again at once. The ban stays in the history.'),
  ], label);
  if (!form) return false;
  await api('DELETE', `/chat/admin/bans${query({ accountId })}`);
  showNotice(`The ban of player ${accountId} is lifted.`);
  return true;
}

/** Deletes a message (players and /v1 clients see it go) or ends an announcement. */
export async function deleteMessage(message, { announcement = false } = {}) {
  const what = announcement ? 'End announcement' : 'Delete message';
  const form = await dialog(what, [
    h('blockquote', { class: 'quote' }, message.text || '(no text)'),
    h('p', {}, announcement
      ? 'Players stop seeing it at once.'
      : 'It disappears from history and unread updates; /v1 clients get an m.redaction.'),
  ], announcement ? 'End it' : 'Delete', { danger: true });
  if (!form) return false;
  await api('DELETE', `/chat/admin/messages/delete${query({ id: message.id })}`);
  showNotice(announcement ? 'The announcement has ended.' : 'The message is deleted.');
  return true;
}

/** Edits a message's (or an announcement's) text; resolves with the stored message. */
export async function editMessage(message) {
  const form = await dialog('Edit message', [
    field('Text', h('textarea', { name: 'text', id: 'edit-text', maxlength: 4000, class: 'wide' }, message.text ?? '')),
  ], 'Save');
  if (!form) return null;
  const result = await api('PUT', '/chat/admin/messages/update', {
    body: { message: { id: message.id, text: form.get('text') } },
  });
  showNotice('The message is edited.');
  return result.message;
}
