// Previous/next paging over the API's pages (page numbers from 0, "remaining" counts after the page).

import { h } from '../dom.js';

export function pager(page, remaining, go) {
  const previous = h('button', { type: 'button', class: 'pager-previous', disabled: page === 0 }, 'Previous page');
  previous.addEventListener('click', () => go(page - 1));
  const next = h('button', { type: 'button', class: 'pager-next', disabled: remaining <= 0 }, 'Next page');
  next.addEventListener('click', () => go(page + 1));
  return h('div', { class: 'pager' }, previous, next,
    h('span', { class: 'muted' }, `Page ${page + 1}${remaining > 0 ? `, ${remaining} more after it` : ''}`));
}
