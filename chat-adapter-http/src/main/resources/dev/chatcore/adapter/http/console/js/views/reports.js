// The reports queue (new reports first, then the most reported: the API's order) and one report:
// the message log around the offending message, the reporters, the review, and the acts on the author.

import { api, query } from '../api.js';
import { banPlayer, deleteMessage } from '../actions.js';
import { field, fill, h, heading, playerLink, select, table, textCell } from '../dom.js';
import { REPORT_STATUSES, statusName, when } from '../format.js';
import { act, showNotice } from '../notice.js';
import { pager } from './pager.js';

export async function render(main, [reportId]) {
  if (reportId) return renderReport(main, reportId);
  const list = h('div', { id: 'reports-list' });
  fill(main, heading('Reports'),
    h('p', { class: 'muted' }, 'New reports first, then the most reported, then the newest.'), list);
  await showPage(list, 0);
}

async function showPage(list, page) {
  const data = await api('GET', `/chat/admin/reports${query({ page })}`);
  if (data.reports.length === 0 && page === 0) {
    fill(list, h('p', { class: 'panel' }, 'No reports. Players report messages from the game.'));
    return;
  }
  const rows = data.reports.map((r) => {
    const offending = offendingMessage(r);
    return [
      [badge(r.status), r.automatic ? [' ', filterBadge()] : null],
      String(r.reportedCount),
      textCell(offending?.text ?? '(message not in the log)'),
      playerLink(offending?.accountId),
      when(r.createdOn),
      h('a', { href: `#/reports/${r.id}`, class: 'button open-report', 'aria-label': `Open report ${r.id}` }, 'Open'),
    ];
  });
  fill(list,
    table(`Page ${page + 1}`, ['Status', 'Reports', 'Message', 'Author', 'First reported', ''], rows),
    pager(page, data.remainingReportCount, (p) => act(null, () => showPage(list, p))));
}

async function renderReport(main, reportId) {
  const data = await api('GET', `/chat/admin/reports${query({ reportId })}`);
  const report = data.reports[0];
  if (!report) {
    fill(main, heading('Report not found'), h('p', {}, h('a', { href: '#/reports' }, 'Back to the reports')));
    return;
  }
  const offending = offendingMessage(report);
  fill(main,
    h('p', {}, h('a', { href: '#/reports' }, '\u2190 All reports')),
    heading(`Report of a message by ${offending?.accountId ?? 'an unknown player'}`),
    h('div', { class: 'columns' },
      h('section', { class: 'panel', 'aria-labelledby': 'log-title' },
        h('h2', { id: 'log-title' }, 'Message log'),
        h('p', { class: 'muted' }, 'Oldest first, as the reporters saw it. The reported message is marked.'),
        messageLog(report)),
      h('div', {},
        reviewPanel(report),
        authorPanel(report, offending))));
}

function messageLog(report) {
  return h('ol', { class: 'log', id: 'report-log' }, report.messageLog.map((m) => {
    const isOffending = m.id === report.offendingMessageId;
    return h('li', { class: isOffending ? 'offending' : null, 'aria-current': isOffending ? 'true' : null },
      h('div', { class: 'meta' }, when(m.createdOn), ' \u00b7 ', playerLink(m.accountId),
        isOffending ? ' \u00b7 reported message' : ''),
      h('div', {}, m.text || '(no text)'));
  }));
}

function reviewPanel(report) {
  const status = select({ id: 'report-status', name: 'status' }, REPORT_STATUSES, report.status);
  const note = h('textarea', { id: 'report-note', name: 'adminNote', maxlength: 2000 }, report.adminNote ?? '');
  const form = h('form', { id: 'review-form' },
    field('Status', status),
    field('Note', note, 'For other moderators; at most 2,000 characters.'),
    h('button', { type: 'submit', class: 'primary' }, 'Save review'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form.querySelector('button'), async () => {
      const { report: saved } = await api('PATCH', '/chat/admin/reports/update', {
        body: { reportId: report.id, status: Number(status.value), adminNote: note.value },
      });
      showNotice(`Report saved as ${statusName(saved.status)}.`);
    });
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'review-title' },
    h('h2', { id: 'review-title' }, 'Review'),
    h('p', {}, badge(report.status), ` reported ${report.reportedCount} time${report.reportedCount === 1 ? '' : 's'},`,
      ` first on ${when(report.createdOn)}`),
    report.automatic ? h('p', { id: 'filed-by-filter' }, filterBadge(),
      ' Filed automatically: the content filter flagged this message (its reason starts the note).') : null,
    h('h3', {}, 'Reporters'),
    h('ul', { id: 'reporters' }, report.reporterIds.map((id) => h('li', {}, reporter(report, id)))),
    report.reviewerId ? h('p', { class: 'muted' }, 'Last reviewed by ', playerLink(report.reviewerId)) : null,
    form);
}

function authorPanel(report, offending) {
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'author-title' },
    h('h2', { id: 'author-title' }, 'Act on the author'));
  if (!offending) return fill(panel, h('p', {}, 'The reported message is not in the log.'));
  const ban = h('button', { type: 'button', class: 'danger', id: 'ban-author' }, 'Ban author\u2026');
  ban.addEventListener('click', () => act(ban, () => banPlayer(offending.accountId)));
  const del = h('button', { type: 'button', class: 'danger', id: 'delete-reported' }, 'Delete message\u2026');
  del.addEventListener('click', () => act(del, () => deleteMessage(offending)));
  panel.append(
    h('p', {}, 'Author: ', playerLink(offending.accountId)),
    h('p', { class: 'muted' }, 'The report keeps its copy of the message as evidence.'),
    h('div', { class: 'actions' }, ban, del));
  return panel;
}

function offendingMessage(report) {
  return report.messageLog.find((m) => m.id === report.offendingMessageId);
}

/** The content filter files automatic reports under a reserved id: name it, do not link it. */
function reporter(report, accountId) {
  return report.automatic && accountId === report.firstReporterId ? 'Content filter' : playerLink(accountId);
}

function filterBadge() {
  return h('span', { class: 'badge filter' }, 'Filter');
}

function badge(status) {
  const name = statusName(status);
  return h('span', { class: `badge ${name.toLowerCase()}` }, name);
}
