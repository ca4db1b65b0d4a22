// The console's entry point: the sign-in gate, the section links, and a router on the URL's hash
// (#/reports, #/reports/<id>, #/players/<id>, #/messages, #/rooms, #/rooms/<id>). The token is
// never part of the URL.

import { api, onApiEvents } from './api.js';
import { forget, token } from './session.js';
import { clearError, clearNotice, showError, showNotice } from './notice.js';
import * as signin from './views/signin.js';
import * as reports from './views/reports.js';
import * as players from './views/players.js';
import * as messages from './views/messages.js';
import * as rooms from './views/rooms.js';

const VIEWS = { reports, players, messages, rooms };
const main = document.getElementById('main');
let leave = null; // stops what the open view runs (a live room watch)
let me = null;
let routing = 0;

async function route() {
  const turn = ++routing;
  leave?.();
  leave = null;
  if (!token()) {
    showSignedIn(null);
    signin.render(main, signedIn);
    focusHeading();
    return;
  }
  try {
    me ??= await api('GET', '/v1/me');
  } catch (e) {
    if (e.status === 401) forget(); // a token kept from before that no longer works
    if (e.status === 401) await route();
    showError(e);
    return;
  }
  if (turn !== routing) return;
  showSignedIn(me);
  const [name, ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const view = VIEWS[name] ? name : 'reports';
  markCurrent(view);
  try {
    leave = (await VIEWS[view].render(main, params.filter(Boolean))) ?? null;
  } catch (e) {
    showError(e);
  }
  focusHeading();
}

function signedIn(account) {
  me = account;
  clearError();
  if (!location.hash || location.hash === '#/') location.hash = '#/reports';
  else route();
}

function signOut() {
  forget();
  me = null;
  clearError();
  clearNotice();
  if (location.hash.length > 1) location.hash = ''; // the hash change routes
  else route();
}

function showSignedIn(account) {
  document.getElementById('nav').hidden = !account;
  document.getElementById('who').hidden = !account;
  document.getElementById('who-name').textContent = account ? `${account.display_name} (${account.user_id})` : '';
}

function markCurrent(view) {
  for (const name of Object.keys(VIEWS)) {
    const link = document.getElementById(`nav-${name}`);
    if (name === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function focusHeading() {
  main.querySelector('.view-heading')?.focus();
}

onApiEvents({
  // The token expired or was revoked: back to the sign-in form, saying why.
  unauthorized(error) {
    if (!me) return; // signing in: the sign-in form reports it
    if (!token()) return;
    forget();
    me = null;
    route().then(() => showError(error));
  },
  waiting(seconds) {
    showNotice(seconds > 0 ? `Too many requests (418): waiting ${seconds} s as the server asks, then trying again.` : '');
  },
});

document.getElementById('sign-out').addEventListener('click', signOut);
document.getElementById('error-close').addEventListener('click', clearError);
window.addEventListener('hashchange', () => {
  // what was said belongs to the screen being left
  clearError();
  clearNotice();
  route();
});
route();
