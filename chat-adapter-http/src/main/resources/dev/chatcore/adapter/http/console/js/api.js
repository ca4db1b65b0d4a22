// The one way the console talks to the server: the public API, JSON in and out, the admin's
// token from the session. Every failure becomes an ApiError with a message a person can read.

import { token } from './session.js';

/** A refused or failed request: the HTTP status (0 when the server was not reached) and the error body. */
export class ApiError extends Error {
  constructor(status, code, message, body = {}, retryAfter = 0) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

/** A form the console will not send as it is (the admin can fix it). */
export class InputError extends Error {}

const listeners = { unauthorized: () => {}, waiting: () => {} };

/** `unauthorized(error)`: the token stopped working; `waiting(seconds)`: a 418 is being waited out. */
export function onApiEvents(handlers) {
  Object.assign(listeners, handlers);
}

/** How many times a rate-limited (418) request is retried after its Retry-After. */
const RATE_LIMIT_RETRIES = 3;

/**
 * Sends a request and returns the parsed JSON body ({} when empty). Waits out a 418 for the
 * server's Retry-After and tries again; throws ApiError for everything else.
 */
export async function api(method, path, { body, signal, auth = true } = {}) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(method, path, body, signal, auth);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 418 || attempt >= RATE_LIMIT_RETRIES) throw e;
      listeners.waiting(e.retryAfter);
      await sleep(e.retryAfter * 1000, signal);
      listeners.waiting(0);
    }
  }
}

async function send(method, path, body, signal, auth) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth && token()) headers.Authorization = `Bearer ${token()}`;
  let response;
  try {
    response = await fetch(path, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', credentials: 'omit',
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  const text = await response.text();
  let json = {};
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, 'not_json', `the server answered ${response.status} with something that is not JSON`);
    }
  }
  if (response.ok) return json;
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  const error = new ApiError(response.status, json.error ?? 'error', json.message ?? response.statusText, json,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 1);
  if (response.status === 401 && auth) listeners.unauthorized(error);
  throw error;
}

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    }, { once: true });
  });
}

/** A query string from the given parameters, leaving out empty ones. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** What went wrong, in words: every status the API can answer has its own sentence. */
export function describe(error) {
  if (error instanceof InputError) return `Check the form: ${error.message}.`;
  if (!(error instanceof ApiError)) return `Something went wrong in the console: ${error?.message ?? error}`;
  const said = error.message ? `: ${error.message}` : '';
  switch (error.status) {
    case 0: return 'Cannot reach the server. Check the connection, then try again.';
    case 400: return `The server refused the request (400 ${error.code})${said}.`;
    case 401:
      if (error.code === 'banned') return `This account is banned (401)${error.body.reason ? `: ${error.body.reason}` : ''}.`;
      return `Not signed in, or the token is no longer valid (401)${said}. Sign in again.`;
    case 403: return `Not allowed (403)${said}. The console needs an admin account.`;
    case 404: return `Not found (404)${said}.`;
    case 409: return `Conflict (409)${said}.`;
    case 413: return `Too large (413)${said}.`;
    case 418: return `Too many requests (418): the server asked to wait ${error.retryAfter} s. Try again after that.`;
    case 503: return `The server is unavailable (503)${said}. Try again in a moment.`;
    default: return `The server answered ${error.status} ${error.code}${said}.`;
  }
}
