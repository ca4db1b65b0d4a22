// What the admin is told: errors in an alert region (read out at once), results in a status line.

import { describe } from './api.js';

const errorBox = () => document.getElementById('error');

export function showError(error) {
  if (error?.name === 'AbortError') return;
  document.getElementById('error-text').textContent = describe(error);
  errorBox().hidden = false;
}

export function clearError() {
  errorBox().hidden = true;
}

export function showNotice(text) {
  document.getElementById('notice').textContent = text;
}

export function clearNotice() {
  showNotice('');
}

/**
 * Runs an admin action: clears old messages, disables `button` while it runs, reports any failure.
 * Nothing fails silently. Resolves with the action's result, or undefined when it failed.
 */
export async function act(button, action) {
  clearError();
  clearNotice();
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (e) {
    showError(e);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}
