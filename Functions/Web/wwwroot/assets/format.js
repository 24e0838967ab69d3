// Dates as dd/MM/yyyy and a 24-hour clock, always in Vietnam time (UTC+7, no daylight saving), whatever the
// device's zone; readiness as the server computes it.

const ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

function parts(value) {
  const date = value instanceof Date ? value : new Date(value);
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  return Object.fromEntries(format.formatToParts(date).map(part => [part.type, part.value]));
}

/** 31/01/2024 */
export function formatDate(value) {
  if (!value) return '';
  const p = parts(value);
  return `${p.day}/${p.month}/${p.year}`;
}

/** 31/01/2024 23:59 */
export function formatDateTime(value) {
  if (!value) return '';
  const p = parts(value);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** 20240131-2359, for file names */
export function fileStamp(value) {
  const p = parts(value);
  return `${p.year}${p.month}${p.day}-${p.hour}${p.minute}`;
}

/** The Vietnam calendar day of an instant, as a day number (days since 1970-01-01). */
export function vietnamDay(value) {
  const date = value instanceof Date ? value : new Date(value);
  return Math.floor((date.getTime() + OFFSET_MS) / DAY_MS);
}

/** The day number of a yyyy-MM-dd date. */
export function dayOf(isoDate) {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** Calendar days from today (Vietnam) to the deadline's date: 0 on the day, negative once overdue. */
export function daysUntil(deadline, now = new Date()) {
  return vietnamDay(deadline) - vietnamDay(now);
}

/** Reads dd/MM/yyyy HH:mm (Vietnam time) into an ISO 8601 string with +07:00, or null. */
export function parseVietnamDateTime(text) {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/.exec(text ?? '');
  if (!match) return null;
  const [, day, month, year, hour = '23', minute = '59'] = match;
  const pad = value => value.padStart(2, '0');
  const iso = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${minute}:00+07:00`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()) || formatDateTime(date) !== `${pad(day)}/${pad(month)}/${year} ${pad(hour)}:${minute}`) return null;
  return iso;
}

const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('vi', { granularity: 'grapheme' }) : null;

/** Characters as a reader (and the server's text-element count) sees them: "ệ" is one, however it is encoded. */
export function textLength(text) {
  if (!graphemes) return text.length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

export function percent(value) {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

const SCORES = { ready: 1, partial: 0.5, not_ready: 0 };

/** (ready + 0.5 × partial) ÷ answers that are not not_applicable; null when none count (as ReadinessScore.Of). */
export function readinessOf(statuses) {
  let counted = 0;
  let score = 0;
  for (const status of statuses) {
    if (status in SCORES) {
      counted++;
      score += SCORES[status];
    }
  }
  return counted === 0 ? null : score / counted;
}

/** One CSV cell as Excel should read it: formulas neutralised with a leading apostrophe, RFC 4180 quoting. */
export function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text with a UTF-8 byte order mark, so Excel shows Vietnamese correctly. */
export function toCsv(rows) {
  return '\uFEFF' + rows.map(row => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
