// The reader's local date and time as the calculator's and the comparison's forms read and write them.

export const pad = (n) => String(Math.abs(n)).padStart(2, "0");

// The coming Friday 16:00, where both forms start (see docs/site.md).
export function nextFriday(now) {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 16);
  while (d.getDay() !== 5 || d <= now) d.setDate(d.getDate() + 1);
  return d;
}

export function nowButton(form, day) {
  form.querySelector(".now").onclick = () => {
    const now = new Date();
    day.write(now);
    form.elements.time.value = `${pad(now.getHours())}:${pad(now.getMinutes())}`;
    form.dispatchEvent(new Event("change"));
  };
}

// A date as the date field holds it: YYYY-MM-DD, in the reader's zone.
export const ymd = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

// The reader's wall-clock moment with the offset their zone has at that moment.
export function isoWithOffset(date) {
  const offset = -date.getTimezoneOffset();
  return `${ymd(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${offset < 0 ? "-" : "+"}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

// A typed time as HH:MM or null: "16:00", "16.00" (a Swede's, an Italian's, a Pole's), "1600", "9".
export function readTime(text) {
  const t = /^([01]?\d|2[0-3])(?:[:.]?([0-5]\d))?$/.exec(text.trim());
  return t ? `${pad(t[1])}:${t[2] ?? "00"}` : null;
}

// The moment in the reader's zone from the date field's day and a typed time; null if either is not one.
export function readMoment(day, time) {
  const d = /^(\d{4})-(\d\d)-(\d\d)$/.exec(day);
  const t = readTime(time)?.split(":");
  return d && t ? new Date(d[1], d[2] - 1, d[3], ...t) : null;
}

// A moment in words as `formatter` (an Intl.DateTimeFormat) says it, but the first of a month in Italian as "1º luglio"
// (primo), as the pages say it (formatting.italian_first): Intl writes "1 luglio".
export function dateWords(formatter, date) {
  if (!formatter.resolvedOptions().locale.startsWith("it")) return formatter.format(date);
  return formatter.formatToParts(date).map((part) => (part.type === "day" && part.value === "1" ? "1º" : part.value)).join("");
}

// A deadline in the page's words (docs/site.md): a zone the site has no words for by its offset, in `other`.
export function deadlineWords(long, clock, date, sentence, zone, other) {
  const words = zone ? sentence.replace("{zone}", zone) : other.replace("{zone}", utcOffset(date, clock.resolvedOptions().timeZone));
  return words.replace("{date}", dateWords(long, date)).replace("{time}", clock.format(date));
}

// `timeZone`'s offset at `date` as fmt.zone_name writes one: "UTC+9", "UTC−3", "UTC+5:45", "UTC".
export function utcOffset(date, timeZone) {
  const [, sign, h, m] = /([+-])(\d\d):(\d\d)/.exec(new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "longOffset" }).format(date)) ?? [];
  return !sign || h + m === "0000" ? "UTC" : `UTC${sign === "-" ? "\u2212" : "+"}${+h}${m === "00" ? "" : `:${m}`}`;
}

// A date in the page's pattern (CLDR's yMd: "y-MM-dd", "dd/MM/y", "d.MM.y"; formatting.date_entry).
export function writeDay(date, pattern) {
  const value = { y: date.getFullYear(), M: date.getMonth() + 1, d: date.getDate() };
  return pattern.replace(/y+|M+|d+/g, (f) => (f[0] === "y" ? String(value.y) : f.length > 1 ? pad(value[f[0]]) : String(value[f[0]])));
}

// A typed date as YYYY-MM-DD, or null: any separator, but the pattern's order, a whole year, a real day (no guessing).
export function readDay(text, pattern) {
  const order = pattern.match(/y+|M+|d+/g)?.map((f) => f[0]);
  const parts = /^\s*(\d{1,4})[^\p{L}\p{N}]+(\d{1,4})[^\p{L}\p{N}]+(\d{1,4})[^\p{L}\p{N}]*$/u.exec(text);
  if (!parts || !order || order.length !== 3) return null;
  // Four digits first where the year comes last: ISO (a pasted 2026-11-23).
  const fields = parts[1].length === 4 && order[0] !== "y" ? ["y", "M", "d"] : order;
  const got = {};
  fields.forEach((f, i) => (got[f] = parts[i + 1]));
  if (got.y.length !== 4 || got.M.length > 2 || got.d.length > 2) return null;
  const [y, m, d] = [Number(got.y), Number(got.M), Number(got.d)];
  const day = new Date(y, m - 1, d);
  if (day.getFullYear() !== y || day.getMonth() !== m - 1 || day.getDate() !== d) return null;
  return `${got.y}-${pad(m)}-${pad(d)}`;
}

// A date field (data-pattern) and its note (last aria-describedby id): the day read in full in the page's language,
// or how to write one (data-bad); while typing (strict false) an unreadable date clears the note, not scolds.
export function dayField(input, locale) {
  const note = document.getElementById(input.getAttribute("aria-describedby").split(" ").at(-1));
  const long = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return {
    long,
    read(strict = true) {
      const day = readDay(input.value, input.dataset.pattern);
      const bad = !day && strict;
      note.textContent = day ? dateWords(long, new Date(`${day}T12:00`)) : bad ? input.dataset.bad : "";
      note.classList.toggle("error", bad);
      if (bad) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      return day;
    },
    write(date) {
      input.value = writeDay(typeof date === "string" ? new Date(`${date}T12:00`) : date, input.dataset.pattern);
      this.read();
    },
  };
}
