// The reader's local date and time as the calculator's and the comparison's forms read and write them.

export const pad = (n) => String(Math.abs(n)).padStart(2, "0");

// A date as the date field holds it: YYYY-MM-DD, in the reader's zone.
export const ymd = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

// The reader's wall-clock moment with the offset their zone has at that moment.
export function isoWithOffset(date) {
  const offset = -date.getTimezoneOffset();
  return `${ymd(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${offset < 0 ? "-" : "+"}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

// The moment in the reader's zone from the date field and the 24-hour time field ("9:05", "16:00"); null if either is not one.
export function readMoment(day, time) {
  const d = /^(\d{4})-(\d\d)-(\d\d)$/.exec(day);
  const t = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  return d && t ? new Date(d[1], d[2] - 1, d[3], t[1], t[2]) : null;
}
