// Times and durations as moderators read them.

/** Unix seconds as a local date and time; "never" for null. */
export function when(seconds) {
  if (seconds === null || seconds === undefined) return 'never';
  return new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Milliseconds since the epoch (the /v1 API) as a local time. */
export function whenMs(ms) {
  return new Date(ms).toLocaleTimeString(undefined, { timeStyle: 'medium' });
}

/** Ban lengths offered in the ban form, in seconds; null bans for good. */
export const BAN_PRESETS = [
  [300, '5 minutes'],
  [1800, '30 minutes'],
  [7200, '2 hours'],
  [43200, '12 hours'],
  [86400, '1 day'],
  [259200, '3 days'],
  [604800, '1 week'],
  [2592000, '30 days'],
  ['permanent', 'Permanent'],
];

/** Expirations offered for broadcasts, in seconds from now; '' keeps the server default (2 weeks). */
export const EXPIRY_PRESETS = [
  ['', 'Server default (2 weeks)'],
  [3600, '1 hour'],
  [86400, '1 day'],
  [604800, '1 week'],
];

/** Report statuses, as the API numbers them. */
export const REPORT_STATUSES = [[100, 'New'], [50, 'Mild'], [10, 'Severe'], [1, 'Permanent']];

export function statusName(value) {
  return REPORT_STATUSES.find(([v]) => v === value)?.[1] ?? `status ${value}`;
}
