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

// A date in the page's numeric pattern (CLDR's yMd skeleton, formatting.date_entry: "y-MM-dd", "dd/MM/y", "d.MM.y").
// A field of one letter is written without a leading zero, of two with one; the year always whole.
export function writeDay(date, pattern) {
  const value = { y: date.getFullYear(), M: date.getMonth() + 1, d: date.getDate() };
  return pattern.replace(/y+|M+|d+/g, (f) => (f[0] === "y" ? String(value.y) : f.length > 1 ? pad(value[f[0]]) : String(value[f[0]])));
}

// The date a reader typed in the page's pattern as YYYY-MM-DD, or null if it is not one. Lenient where it costs
// nothing: any separator ("23.11.2026" on an Italian page), leading zeros or none, spaces around it; strict where
// a guess could be wrong: the fields in the pattern's order, a whole year, a day the month has.
export function readDay(text, pattern) {
  const order = pattern.match(/y+|M+|d+/g)?.map((f) => f[0]);
  const parts = /^\s*(\d{1,4})[^\p{L}\p{N}]+(\d{1,4})[^\p{L}\p{N}]+(\d{1,4})[^\p{L}\p{N}]*$/u.exec(text);
  if (!parts || !order || order.length !== 3) return null;
  // Four digits first on a page whose year comes last can only be ISO's year-month-day (a pasted 2026-11-23).
  const fields = parts[1].length === 4 && order[0] !== "y" ? ["y", "M", "d"] : order;
  const got = {};
  fields.forEach((f, i) => (got[f] = parts[i + 1]));
  if (got.y.length !== 4 || got.M.length > 2 || got.d.length > 2) return null;
  const [y, m, d] = [Number(got.y), Number(got.M), Number(got.d)];
  const day = new Date(y, m - 1, d);
  if (day.getFullYear() !== y || day.getMonth() !== m - 1 || day.getDate() !== d) return null;
  return `${got.y}-${pad(m)}-${pad(d)}`;
}

// A date field in the page's pattern (its data-pattern) and its note (aria-describedby's last id): the note confirms the
// day read, as the page's language writes it in full ("lunedì 23 novembre 2026"), or says how to write one (data-bad).
// While the reader is still typing (`strict` false) an unreadable date clears the note rather than scolding.
export function dayField(input, locale) {
  const note = document.getElementById(input.getAttribute("aria-describedby").split(" ").at(-1));
  const long = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return {
    // The field's date as YYYY-MM-DD, or null; the note and aria-invalid follow.
    read(strict = true) {
      const day = readDay(input.value, input.dataset.pattern);
      const bad = !day && strict;
      note.textContent = day ? long.format(new Date(`${day}T12:00`)) : bad ? input.dataset.bad : "";
      note.classList.toggle("error", bad);
      if (bad) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      return day;
    },
    // Fill the field with a date (a Date, or YYYY-MM-DD) written the page's way.
    write(date) {
      input.value = writeDay(typeof date === "string" ? new Date(`${date}T12:00`) : date, input.dataset.pattern);
      this.read();
    },
  };
}
