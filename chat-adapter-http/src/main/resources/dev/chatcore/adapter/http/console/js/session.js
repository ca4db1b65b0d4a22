// The admin's token lives in sessionStorage: gone when the tab closes, never in a URL, never in
// a cookie the browser would send by itself.

const KEY = 'chatcore.console.token';

export function token() {
  return sessionStorage.getItem(KEY);
}

export function keep(accessToken) {
  sessionStorage.setItem(KEY, accessToken);
}

export function forget() {
  sessionStorage.removeItem(KEY);
}
