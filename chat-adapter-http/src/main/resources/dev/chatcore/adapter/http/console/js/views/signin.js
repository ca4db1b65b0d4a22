// Signing in: with an admin token, or by redeeming an admin invite code (the one the server
// prints at its first start, or one another admin made). Only admin accounts get in.

import { api, ApiError } from '../api.js';
import { field, fill, h, heading } from '../dom.js';
import { act } from '../notice.js';
import { forget, keep } from '../session.js';

/** Shows both sign-in forms; `signedIn(me)` runs once an admin account is verified. */
export function render(main, signedIn) {
  const tokenInput = h('input', { type: 'password', id: 'signin-token', name: 'token', required: true, autocomplete: 'off', spellcheck: 'false' });
  const tokenForm = h('form', { class: 'panel', id: 'signin-token-form' },
    h('h2', {}, 'With an admin token'),
    field('Admin token', tokenInput, 'A JWT whose admin claim is true, e.g. from the server\'s token command.'),
    h('button', { type: 'submit', class: 'primary', id: 'signin-token-submit' }, 'Sign in'));
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    act(tokenForm.querySelector('button'), () => verify(tokenInput.value.trim(), signedIn));
  });

  const codeInput = h('input', { id: 'signin-code', name: 'code', required: true, autocomplete: 'off', spellcheck: 'false' });
  const nameInput = h('input', { id: 'signin-name', name: 'display_name', required: true, maxlength: 64 });
  const inviteForm = h('form', { class: 'panel', id: 'signin-invite-form' },
    h('h2', {}, 'With an invite code'),
    field('Invite code', codeInput, 'An admin invite; it can be used once.'),
    field('Your display name', nameInput),
    h('button', { type: 'submit', class: 'primary' }, 'Redeem and sign in'));
  inviteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    act(inviteForm.querySelector('button'), async () => {
      const redeemed = await api('POST', '/v1/invites/redeem', {
        auth: false, body: { code: codeInput.value.trim(), display_name: nameInput.value.trim() },
      });
      await verify(redeemed.access_token, signedIn);
    });
  });

  fill(main, h('div', { class: 'signin' }, heading('Sign in to moderate'), tokenForm, inviteForm));
}

/** Keeps the token for this tab only if it belongs to an admin. */
async function verify(accessToken, signedIn) {
  keep(accessToken);
  let me;
  try {
    me = await api('GET', '/v1/me');
  } catch (e) {
    forget();
    throw e;
  }
  if (!me.admin) {
    forget();
    throw new ApiError(403, 'forbidden', `${me.display_name} is a player account, not an admin`);
  }
  signedIn(me);
}
