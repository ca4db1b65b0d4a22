// Building the page. Every piece of chat data goes in as text (never as markup): a message can
// hold anything a player typed.

/**
 * Creates an element. `props`: attributes, except `on<event>` (listeners), `class`, and the
 * properties `value`, `checked`, `disabled`, `selected` (set as properties, so they take effect).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') el.className = value;
    else if (['value', 'checked', 'disabled', 'selected'].includes(key)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;

/** A labelled form field: the label names the control, a hint is tied to it for screen readers. */
export function field(labelText, control, hint) {
  if (!control.id) control.id = `f${++ids}`;
  const parts = [h('label', { for: control.id }, labelText)];
  if (hint) {
    const hintId = `${control.id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    parts.push(h('span', { class: 'hint', id: hintId }, hint));
  }
  return h('div', { class: 'field' }, parts, control);
}

/** A select whose options are [value, label] pairs. */
export function select(props, options, selected) {
  return h('select', props, options.map(([value, label]) =>
    h('option', { value: String(value), selected: String(value) === String(selected) }, label)));
}

/** A table with a header row; `rows` are arrays of cells (nodes or text). */
export function table(caption, headers, rows, rowProps = () => ({})) {
  return h('table', {},
    h('caption', { class: 'muted' }, caption),
    h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((cells, i) => h('tr', rowProps(i), cells.map((c) => h('td', c?.cellClass ? { class: c.cellClass } : {}, c?.node ?? c))))));
}

/** A cell whose text wraps (long chat messages). */
export function textCell(text) {
  return { node: text, cellClass: 'text' };
}

/**
 * Shows a modal dialog holding `body` (form fields) and resolves with its FormData when the admin
 * confirms, or null when it is cancelled (Escape included). The native dialog keeps focus inside.
 */
export function dialog(title, body, confirmLabel, { danger = false } = {}) {
  return new Promise((resolve) => {
    const titleId = `d${++ids}`;
    const form = h('form', { method: 'dialog' },
      h('h2', { id: titleId }, title),
      body,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', value: 'confirm', class: danger ? 'primary danger' : 'primary' }, confirmLabel),
        h('button', { type: 'button', onclick: () => box.close('cancel') }, 'Cancel')));
    const box = h('dialog', { 'aria-labelledby': titleId }, form);
    box.addEventListener('close', () => {
      const data = box.returnValue === 'confirm' ? new FormData(form) : null;
      box.remove();
      resolve(data);
    });
    document.body.append(box);
    box.showModal();
  });
}

/** A page heading that takes focus when a view opens, so screen readers announce it. */
export function heading(text) {
  return h('h1', { tabindex: '-1', class: 'view-heading' }, text);
}

/** A link to a player's page. */
export function playerLink(accountId) {
  if (!accountId) return h('span', { class: 'muted' }, 'nobody');
  return h('a', { href: `#/players/${encodeURIComponent(accountId)}`, class: 'id' }, accountId);
}
