// Tierwise SLA rules in JavaScript: deadlines from the exported rule JSON alone (docs/rules.md).
// Dependency-free (browsers, Node 18+); answers the vectors in tests/conformance/ as
// dsl/rules/engine.py does: local pieces become instants with fold=0, their union is the open
// time. Zones come from Intl; errors are thrown in Python's words.

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const DEFAULT_METRIC = "first-response";
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Every error this evaluator throws has the `field` of the question at fault that Python's RuleError has, or null (docs/rules.md §7).
const fail = (message, field = null, more) => Object.assign(new Error(message), { field }, more);

// --- time zones ---

// Date.UTC reads years 0-99 as 1900+ (tests/test_js_years.py)
function utcMs(y, m, d = 1, h = 0, mi = 0, s = 0, ms = 0) {
  return new Date(Date.UTC(2000, 0, 1, h, mi, s, ms)).setUTCFullYear(y, m, d);
}

const formatters = new Map();
const offsets = new Map();

function formatter(zone) {
  let found = formatters.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", era: "short",
    });
    formatters.set(zone, found);
  }
  return found;
}

function checkZone(name, what) {
  try {
    formatter(name);
  } catch {
    throw fail(`unknown time zone '${name}' (${what}); use an IANA name such as Europe/Stockholm`);
  }
  return name;
}

// The zone's UTC offset in milliseconds at an instant. A zone is an IANA name or a fixed offset in minutes
// (a report's own). Whole seconds, not minutes: local mean time had offsets such as Monrovia's -00:44:30 (until
// 1972), and a wall time read with the offset rounded to the minute is another instant than Python's.
function offsetAt(zone, ms) {
  if (typeof zone === "number") return zone * MINUTE_MS;
  let cache = offsets.get(zone);
  if (!cache) offsets.set(zone, (cache = new Map()));
  const whole = Math.floor(ms / 1000) * 1000;
  let found = cache.get(whole);
  if (found === undefined) {
    const p = {};
    for (const part of formatter(zone).formatToParts(new Date(whole))) p[part.type] = part.value;
    let year = Number(p.year);
    if (p.era === "BC" || p.era === "B") year = 1 - year;
    const wall = utcMs(year, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    found = wall - whole;
    cache.set(whole, found);
  }
  return found;
}

// The instant (ms) of a wall time given as ms "as if UTC", with fold=0.
function wallToInstant(wallMs, zone) {
  if (typeof zone === "number") return wallMs - zone * MINUTE_MS;
  // A day either side in real time brackets any transition near this wall time.
  const before = offsetAt(zone, wallMs - DAY_MS);
  const after = offsetAt(zone, wallMs + DAY_MS);
  if (before === after) return wallMs - before;
  const early = wallMs - before;
  if (offsetAt(zone, early) === before) return early; // before the change, or its first occurrence
  const late = wallMs - after;
  if (offsetAt(zone, late) === after) return late; // after the change
  return early; // in the gap: the offset in force before it
}

/** The instant of a local wall time "YYYY-MM-DDTHH:MM[:SS]" in an IANA zone, read with fold=0 (as the rules are). */
export function localToInstant(zone, wall) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m) throw fail(`'${wall}' is not a local date and time such as 2026-03-29T02:30`);
  const [, y, mo, d, h, mi, s = "0"] = m;
  checkZone(zone, "the wall time's zone");
  return new Date(wallToInstant(utcMs(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)), zone));
}

// --- ISO 8601 ---

const pad = (n, width = 2) => String(n).padStart(width, "0");

// An offset in milliseconds as Python's isoformat writes it: +01:00, or +01:12:12 when it has seconds.
function offsetText(ms) {
  const sign = ms < 0 ? "-" : "+";
  const seconds = Math.round(Math.abs(ms) / 1000);
  const hm = `${sign}${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}`;
  return seconds % 60 ? `${hm}:${pad(seconds % 60)}` : hm;
}

/** The instant as ISO 8601 in a zone (IANA name, or a fixed offset in minutes): 2026-11-24T14:00:00+01:00. */
export function formatIso(date, zone = "UTC") {
  const ms = date instanceof Date ? date.getTime() : Number(date);
  const offset = offsetAt(zone, ms);
  const local = new Date(ms + offset);
  const year = local.getUTCFullYear();
  const fraction = local.getUTCMilliseconds() ? `.${pad(local.getUTCMilliseconds(), 3)}000` : "";
  return (
    `${year < 0 ? "-" + pad(-year, 4) : pad(year, 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${offsetText(offset)}`
  );
}

// --- the input grammar (docs/rules.md §5, "Inputs"): the same patterns and words as dsl/rules/engine.py ---

const MOMENT_FORM = "YYYY-MM-DDTHH:MM[:SS[.ffffff]] with Z or ±HH:MM";
const MOMENT = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?(Z|([+-])([0-9]{2}):([0-9]{2}))?$/;
const DATE_ONLY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const CUT = 100;

// A caller's text as an error quotes it: at most 100 characters (code points), as Python's _cut.
function cut(text) {
  const chars = [...text];
  return chars.length <= CUT ? text : chars.slice(0, CUT).join("") + "…";
}

function realDate(year, month, day) {
  if (!(year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= MONTH_DAYS[month - 1])) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month !== 2 || day <= 28 || leap;
}

// A report moment in the one accepted form: { ms, offset (minutes) }. Fractions finer than a
// millisecond are accepted and dropped: a Date holds milliseconds (docs/rules.md §9).
function parseMoment(text) {
  if (text instanceof Date) {
    if (Number.isNaN(text.getTime())) throw fail("the moment is not a valid date", "at");
    return { ms: text.getTime(), offset: -text.getTimezoneOffset() };
  }
  if (typeof text !== "string") {
    throw fail(`the moment must be an ISO 8601 text such as 2026-11-23T15:00:00+01:00, not ${JSON.stringify(text)}`, "at");
  }
  const bad = () => fail(`'${cut(text)}' is not a date and time of the form ${MOMENT_FORM}, such as 2026-11-23T15:00:00+01:00`, "at");
  if (DATE_ONLY.test(text)) {
    if (!realDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)))) throw bad();
    throw fail(`the moment '${text}' has no time of day; give one with its UTC offset, such as ${text}T00:00:00+01:00`, "at");
  }
  const m = MOMENT.exec(text);
  if (!m) throw bad();
  const [, y, mo, d, h, mi, s = "0", frac = "", z, sign, oh, om] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  if (!realDate(year, month, day) || hour > 23 || minute > 59 || second > 59) throw bad();
  if (!z) throw fail(`the time '${text}' has no UTC offset; add one, such as ${text}+01:00 or ${text}Z`, "at");
  let offset = 0;
  if (z !== "Z") {
    if (Number(oh) > 23 || Number(om) > 59) throw bad();
    offset = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om));
    if (offset === 0) offset = 0; // -00:00 is UTC, as +00:00
  }
  const wall = utcMs(year, month - 1, day, hour, minute, second, Number(frac.padEnd(3, "0").slice(0, 3)));
  return { ms: wall - offset * MINUTE_MS, offset };
}

// The zone names a question may give: the rules' own list (format 1.2 "zones"), else the runtime's.
function zoneHint(name, known) {
  const lowered = new Map(known.map((k) => [k.toLowerCase(), k]));
  const bare = name.startsWith("posix/") || name.startsWith("right/") ? name.slice(6) : name;
  for (const guess of [name, bare]) {
    if (lowered.has(guess.toLowerCase())) return `; did you mean '${lowered.get(guess.toLowerCase())}'?`;
  }
  return "; use an IANA name such as Europe/Stockholm";
}

function runtimeZones() {
  return typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
}

function checkZoneName(rules, name, what, field = null) {
  // Not a text (only the API can pass one): no hint, as Python.
  if (typeof name !== "string") throw fail(`unknown time zone '${String(name)}' (${what})`, field);
  const listed = Array.isArray(rules.zones) ? rules.zones : null;
  const unknown = () => fail(`unknown time zone '${cut(name)}' (${what})${zoneHint(name, listed || runtimeZones())}`, field);
  if (listed) {
    if (!listed.includes(name)) throw unknown();
    try {
      formatter(name);
    } catch {
      throw fail(`the time zone '${name}' is in the rules but not in this runtime's time-zone data; update the runtime`, field);
    }
    return name;
  }
  // Rules before 1.2 carry no list: the runtime's, with the same exclusions.
  if (/^(posix|right)\//.test(name) || name === "localtime" || name === "Factory" || name === "posixrules") throw unknown();
  const other = runtimeZones().find((z) => z.toLowerCase() === name.toLowerCase());
  if (other !== undefined && other !== name) throw unknown();
  try {
    formatter(name);
  } catch {
    throw unknown();
  }
  return name;
}

// --- suggestions, as Python's difflib.get_close_matches(n=1, cutoff=0.6) ---

function matchingCharacters(a, b) {
  const b2j = new Map();
  [...b].forEach((ch, j) => {
    if (!b2j.has(ch)) b2j.set(ch, []);
    b2j.get(ch).push(j);
  });
  const longest = (alo, ahi, blo, bhi) => {
    let besti = alo, bestj = blo, bestsize = 0;
    let j2len = new Map();
    for (let i = alo; i < ahi; i++) {
      const next = new Map();
      for (const j of b2j.get(a[i]) || []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) || 0) + 1;
        next.set(j, k);
        if (k > bestsize) [besti, bestj, bestsize] = [i - k + 1, j - k + 1, k];
      }
      j2len = next;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) [besti, bestj, bestsize] = [besti - 1, bestj - 1, bestsize + 1];
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return [besti, bestj, bestsize];
  };
  let total = 0;
  const queue = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop();
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k) {
      total += k;
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
  }
  return total;
}

function suggest(name, known) {
  const options = [...new Set(known)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  // Names longer than Python's SUGGEST_MAX_LENGTH get no "did you mean".
  if ([...name].length > CUT) return options.length && options.length <= 10 ? "; known: " + options.join(", ") : "";
  // Compared case-insensitively, so that 'p3' suggests 'P3'.
  const lowered = new Map(options.map((o) => [o.toLowerCase(), o]));
  const word = [...name.toLowerCase()];
  let best = null;
  for (const option of lowered.keys()) {
    const length = [...option].length + word.length;
    const score = length ? (2 * matchingCharacters([...option], word)) / length : 1;
    if (score >= 0.6 && (!best || score > best[0] || (score === best[0] && option > best[1]))) best = [score, option];
  }
  if (best) return `; did you mean '${lowered.get(best[1])}'?`;
  if (options.length && options.length <= 10) return "; known: " + options.join(", ");
  return "";
}

// --- compiled calendars ---

const minutesOf = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const dayNumber = (iso) => utcMs(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

function spanBounds(first, last, zone) {
  return [wallToInstant(utcMs(first, 0, 1), zone), wallToInstant(utcMs(last + 1, 0, 1), zone)];
}

// Open spans as instants, merged, with running totals; business days and their closes (§6).
function compileTimeline(calendar, first, last, zone, country = null) {
  // 24x7: every date 00:00-24:00, merged into one span.
  const weekly = WEEKDAYS.map((d) => (calendar.always_open ? [[0, 1440]] : calendar.weekly[d].map(([a, b]) => [minutesOf(a), minutesOf(b)])));
  const dated = new Map();
  for (const [day, pieces] of Object.entries(calendar.dates)) dated.set(dayNumber(day), pieces.map(([a, b]) => [minutesOf(a), minutesOf(b)]));
  const closed = new Set(country ? (own(calendar.customer_holidays, country) || []).map(dayNumber) : []);
  const raw = [], days = [], closes = [];
  const lastDay = utcMs(last, 11, 31) / DAY_MS;
  for (let day = utcMs(first, 0, 1) / DAY_MS; day <= lastDay; day++) {
    const pieces = closed.has(day) ? [] : dated.get(day) ?? weekly[(new Date(day * DAY_MS).getUTCDay() + 6) % 7];
    let close = null;
    for (const [start, end] of pieces) {
      const a = wallToInstant(day * DAY_MS + start * MINUTE_MS, zone);
      const b = wallToInstant(day * DAY_MS + end * MINUTE_MS, zone);
      if (b > a) {
        raw.push([a, b]);
        close = close === null ? b : Math.max(close, b);
      }
    }
    if (close !== null) {
      days.push(day);
      closes.push(close);
    }
  }
  raw.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const starts = [], ends = [], before = [], through = [];
  for (const [a, b] of raw) {
    if (ends.length && a <= ends[ends.length - 1]) ends[ends.length - 1] = Math.max(ends[ends.length - 1], b);
    else {
      starts.push(a);
      ends.push(b);
    }
  }
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    before.push(total);
    total += ends[i] - starts[i];
    through.push(total);
  }
  const [lo, hi] = spanBounds(first, last, zone);
  return { starts, ends, before, through, lo, hi, days, closes };
}

// [local day number, wall ms into it] of an instant.
function localDay(ms, zone) {
  const local = ms + offsetAt(zone, ms);
  const day = Math.floor(local / DAY_MS);
  return [day, local - day * DAY_MS];
}

// Business days (§6); null: after the span.
function daysDeadline(t, report, count, dayEnd, zone) {
  const nth = (day) => {
    const k = search(t.days, day, true) + count - 1;
    return k < t.days.length ? k : null;
  };
  if (dayEnd) {
    const k = nth(localDay(report, zone)[0]);
    return k === null ? null : t.closes[k];
  }
  const i = search(t.ends, report, true);
  if (i === t.ends.length) return null;
  const start = Math.max(report, t.starts[i]);
  const [day, wall] = localDay(start, zone);
  const k = nth(day);
  if (k === null) return null;
  const candidate = wallToInstant(t.days[k] * DAY_MS + wall, zone);
  const j = search(t.ends, candidate, true);
  if (j === t.ends.length) return null;
  return Math.max(candidate, t.starts[j]);
}

// Where a report's clock starts under a cut-off ("HH:MM", format 1.9, §6): at or after it on a business day, the
// first opening of the next business day; else the report itself. null: no next business day in the span.
function cutoffStart(t, report, cutoff, zone) {
  if (cutoff === null || cutoff === undefined) return report;
  const [day, wall] = localDay(report, zone);
  if (Math.floor(wall / MINUTE_MS) < minutesOf(cutoff)) return report;
  const k = search(t.days, day, false);
  if (k === t.days.length || t.days[k] !== day) return report;
  if (k + 1 === t.days.length) return null;
  const midnight = wallToInstant(t.days[k + 1] * DAY_MS, zone);
  const i = search(t.ends, midnight, true);
  return i === t.ends.length ? null : Math.max(midnight, t.starts[i]);
}

// First index in [lo, list.length) whose value is > x (strict) or >= x.
function search(list, x, strict, lo = 0) {
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? list[mid] <= x : list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function timelineDeadline(t, report, minutes) {
  if (minutes === 0) return report;
  const i = search(t.ends, report, true);
  if (i === t.ends.length) return null;
  const goal = t.before[i] + Math.max(0, report - t.starts[i]) + minutes * MINUTE_MS;
  const j = search(t.through, goal, false, i);
  if (j === t.through.length) return null;
  return t.starts[j] + (goal - t.before[j]);
}

const timelines = new WeakMap();

function timeline(rules, calendar, zone, country = null) {
  let byZone = timelines.get(calendar);
  if (!byZone) timelines.set(calendar, (byZone = new Map()));
  const key = `${rules.years.first}-${rules.years.last}:${zone}:${country}`;
  let found = byZone.get(key);
  if (!found) byZone.set(key, (found = compileTimeline(calendar, rules.years.first, rules.years.last, zone, country)));
  return found;
}

// --- lookups ---

const own = (object, key) => (object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);

// --- a document that does not follow the format: engine.py's _check_top and _check_vendor, same order and words ---

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const END = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DAY = /^\d{4}-\d\d-\d\d$/;
const notTheFormat = (what) => fail(`the rules are not a valid format 1.x document (${what}); validate them against rules/schema.json`, null, { code: "format" });
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v) => typeof v === "string";
const kindOf = (v) => (v === null ? "null" : typeof v === "boolean" ? "a boolean" : typeof v === "number" ? "a number" : text(v) ? "a text"
  : Array.isArray(v) ? "a list" : isObject(v) ? "an object" : typeof v);
const KINDS = {
  t: ["a text", text],
  w: ["a whole number of 0 or more", (v) => Number.isInteger(v) && v >= 0],
  y: ["a year from 1 to 9999", (v) => Number.isInteger(v) && v >= 1 && v <= 9999],
  b: ["true or false", (v) => typeof v === "boolean"],
  l: ["a list", Array.isArray],
  o: ["an object", isObject],
  h: ["a time of day such as 15:00", (v) => text(v) && TIME.test(v)],
  d: ["a date such as 2026-11-23", (v) => text(v) && DAY.test(v) && realDate(...v.split("-").map(Number))],
};

// parent[key] of the kind spec[0]; "?": may be missing or null, "|": may be null.
function read(parent, key, path, spec) {
  const [wanted, fits] = KINDS[spec[0]];
  if (!Object.prototype.hasOwnProperty.call(parent, key)) {
    if (spec.includes("?")) return null;
    throw notTheFormat(`a field '${key}' is missing in ${path}`);
  }
  const value = parent[key];
  if (value === null && spec.length > 1) return null;
  if (!fits(value)) throw notTheFormat(`${path}.${key} is ${kindOf(value)}, not ${wanted}${spec.includes("|") ? " or null" : ""}`);
  return value;
}

const must = (ok, path, value, wanted) => {
  if (!ok) throw notTheFormat(`${path} is ${kindOf(value)}, not ${wanted}`);
};
const texts = (list, path) => list.forEach((v, i) => must(text(v), `${path}[${i}]`, v, "a text"));
const object = (v, path) => must(isObject(v), path, v, "an object");
function pieces(list, path) {
  must(Array.isArray(list), path, list, "a list of pieces");
  list.forEach((p, i) => must(Array.isArray(p) && p.length === 2 && text(p[0]) && text(p[1]) && TIME.test(p[0]) && END.test(p[1]), `${path}[${i}]`, p,
    'a piece such as ["08:00", "17:00"]'));
}

function checkTop(rules) {
  const years = read(rules, "years", "the document", "o");
  read(years, "first", "years", "y");
  read(years, "last", "years", "y");
  texts(read(rules, "metrics", "the document", "l"), "metrics");
  read(rules, "vendors", "the document", "o");
  texts(read(rules, "zones", "the document", "l?") || [], "zones");
}

const checked = new WeakSet();

// The whole vendor a question is about, once per vendor object: the export always passes.
function checkVendor(rules, id, vendor) {
  if (checked.has(vendor)) return;
  const at = `vendors.${id}`;
  object(vendor, at);
  const calendars = read(vendor, "calendars", at, "o");
  const named = (owner, place, spec, timed) => {
    const cal = read(owner, "calendar", place, spec);
    if (cal === null ? timed : !Object.prototype.hasOwnProperty.call(calendars, cal)) throw notTheFormat(`${place}.calendar is ${cal === null ? "null" : `'${cut(cal)}'`}, not one of the vendor's calendars`);
  };
  for (const [calId, cal] of Object.entries(calendars)) {
    const where = `${at}.calendars.${calId}`;
    object(cal, where);
    const zone = read(cal, "zone", where, "t|");
    read(cal, "always_open", where, "b");
    const weekly = read(cal, "weekly", where, "o");
    for (const day of WEEKDAYS) pieces(read(weekly, day, `${where}.weekly`, "l"), `${where}.weekly.${day}`);
    for (const [day, list] of Object.entries(read(cal, "dates", where, "o"))) {
      if (!KINDS.d[1](day)) throw notTheFormat(`${where}.dates has the key '${cut(day)}', not a date such as 2026-11-23`);
      pieces(list, `${where}.dates.${day}`);
    }
    const holidays = read(cal, "customer_holidays", where, "o?|") || {};
    for (const country of Object.keys(holidays)) {
      read(holidays, country, `${where}.customer_holidays`, "l").forEach((v, i) => must(KINDS.d[1](v), `${where}.customer_holidays.${country}[${i}]`, v, KINDS.d[0]));
    }
    if (zone !== null) checkZoneName(rules, zone, `calendar '${calId}'`);
  }
  const priorities = read(vendor, "priorities", at, "o|");
  if (priorities !== null) {
    read(priorities, "levels", `${at}.priorities`, "l").forEach((level, i) => {
      object(level, `${at}.priorities.levels[${i}]`);
      read(level, "id", `${at}.priorities.levels[${i}]`, "t");
    });
    const matrix = read(priorities, "matrix", `${at}.priorities`, "o|");
    if (matrix !== null) {
      const where = `${at}.priorities.matrix`;
      for (const axis of ["impacts", "urgencies"]) texts(read(matrix, axis, where, "l"), `${where}.${axis}`);
      const levels = read(matrix, "levels", where, "o");
      for (const impact of Object.keys(levels)) {
        for (const [urgency, level] of Object.entries(read(levels, impact, `${where}.levels`, "o"))) must(text(level), `${where}.levels.${impact}.${urgency}`, level, "a text");
      }
    }
  }
  read(vendor, "cases", at, "o?|");
  for (const [aliasId, alias] of Object.entries(read(vendor, "aliases", at, "o?|") || {})) {
    object(alias, `${at}.aliases.${aliasId}`);
    read(alias, "plan", `${at}.aliases.${aliasId}`, "t");
  }
  for (const [planId, plan] of Object.entries(read(vendor, "plans", at, "o"))) {
    const where = `${at}.plans.${planId}`;
    object(plan, where);
    read(plan, "no_support", where, "b?");
    read(plan, "targets", where, "l").forEach((target, i) => {
      const place = `${where}.targets[${i}]`;
      object(target, place);
      read(target, "metric", place, "t");
      read(target, "priority", place, "t|");
      named(target, place, "t|", read(target, "minutes", place, "w|") !== null || target.business_days != null);
      for (const [key, spec] of [["case", "t"], ["business_days", "w"], ["days_rule", "t"], ["published", "b"], ["from", "d"], ["until", "d"], ["cutoff", "h"]]) {
        read(target, key, place, key === "published" ? "b?" : `${spec}?|`);
      }
    });
    (read(plan, "obligations", where, "l?") || []).forEach((obligation, i) => {
      const place = `${where}.obligations[${i}]`;
      object(obligation, place);
      read(obligation, "id", place, "t");
      read(obligation, "after_minutes", place, "w?|");
      read(obligation, "every_minutes", place, "w?|");
      named(obligation, place, "t?|");
      texts(read(obligation, "priorities", place, "l?|") || [], `${place}.priorities`);
    });
  }
  checked.add(vendor);
}

// A TypeError or RangeError met while reading a document is its fault, refused as engine.py refuses it.
const reading = (fn) => (...args) => {
  try {
    return fn(...args);
  } catch (error) {
    throw error instanceof TypeError || error instanceof RangeError ? notTheFormat(`${error.name}: ${cut(error.message)}`) : error;
  }
};

function checkFormat(rules) {
  const version = typeof rules.format_version === "string" ? rules.format_version : "";
  if (!version.startsWith("1.")) throw fail(`these rules are in format ${version || "(none)"}; this evaluator reads format 1.x`);
  checkTop(rules);
}

function badPlanName(plan) {
  const shown = typeof plan === "string" ? `'${cut(plan)}'` : String(plan);
  return fail(`name the plan as VENDOR/PLAN, such as stratiteq/sos, not ${shown}`, "plan");
}

// A question's names that are not texts (or, `required`, missing) are refused first, in Python's words (docs/rules.md §7).
function namesAreTexts(names, required = false) {
  for (const [field, v] of Object.entries(names)) {
    const none = v === null || v === undefined;
    if (typeof v === "string" || (none && !required)) continue;
    if (field === "plan") throw badPlanName(v);
    const type = none ? "None" : Array.isArray(v) ? "list" : { boolean: "bool", number: Number.isInteger(v) ? "int" : "float", object: "dict" }[typeof v];
    throw fail(`the ${field} must be a text (str)${required ? "" : " or None"}, not ${type}`, field);
  }
}

// The plan, then the priority and the kind of case checked against its vendor (docs/rules.md §5's order).
function checkPlan(rules, plan, priority, kase) {
  if (typeof plan !== "string" || plan.split("/").length !== 2) throw badPlanName(plan);
  const [vendorId, planId] = plan.split("/");
  const vendor = own(rules.vendors, vendorId);
  if (vendor === undefined || vendor === null) throw fail(`unknown vendor '${cut(vendorId)}'${suggest(vendorId, Object.keys(rules.vendors))}`, "plan");
  checkVendor(rules, vendorId, vendor);
  let found = own(vendor.plans, planId);
  if (!found) {
    // Format 1.1: an alias names a group whose terms are another plan's (Amanda's trial users: premium).
    const aliases = vendor.aliases || {};
    const alias = own(aliases, planId);
    found = alias ? own(vendor.plans, alias.plan) : undefined;
    if (!found) {
      throw fail(`vendor '${vendorId}' has no plan '${cut(planId)}'${suggest(planId, [...Object.keys(vendor.plans), ...Object.keys(aliases)])}`, "plan");
    }
  }
  if (found.no_support) throw fail(`plan '${vendorId}/${planId}' offers no support: there is no deadline`, "plan");
  const levels = vendor.priorities ? vendor.priorities.levels.map((lv) => lv.id) : [];
  if (priority !== null && !levels.includes(priority)) {
    if (!levels.length) throw fail(`vendor '${vendorId}' has no priority levels; leave the priority '${cut(priority)}' out`, "priority");
    throw fail(`vendor '${vendorId}' has no priority '${cut(priority)}'${suggest(priority, levels)}`, "priority");
  }
  const cases = Object.keys(vendor.cases || {});
  if (kase !== null && !cases.includes(kase)) {
    if (!cases.length) throw fail(`vendor '${vendorId}' declares no kinds of case; leave the case '${cut(kase)}' out`, "case");
    throw fail(`vendor '${vendorId}' has no kind of case '${cut(kase)}'${suggest(kase, cases)}`, "case");
  }
  return { vendorId, planId, vendor, found, levels };
}

function findTarget(rules, plan, priority, metric, kase = null, when = null) {
  checkFormat(rules);
  metric = metric || DEFAULT_METRIC;
  if (!rules.metrics.includes(metric)) throw fail(`unknown metric '${cut(metric)}'${suggest(metric, rules.metrics)}`, "metric");
  const { vendorId, planId, vendor, found } = checkPlan(rules, plan, priority, kase);
  // The case's own target, else the general one (docs/rules.md §5).
  let target, general = [];
  const inForce = when ? versionFilter(vendor, found, metric, when) : null; // format 1.2: the version at the report
  for (const scope of kase !== null ? [kase, null] : [null]) {
    const targets = found.targets.filter((t) => t.metric === metric && (t.case ?? null) === scope && (!inForce || inForce(t)));
    if (scope === null) general = targets;
    target = targets.find((t) => t.priority === priority);
    if (!target && priority !== null) target = targets.find((t) => t.priority === null);
    if (target) break;
  }
  if (!target) {
    if (priority === null && general.length) {
      throw fail(`plan '${vendorId}/${planId}' sets its ${metric} targets per priority; give one of: ${general.map((t) => t.priority).join(", ")}`, "priority");
    }
    throw fail(`plan '${vendorId}/${planId}' states no ${metric} target${priority ? ` for priority ${priority}` : ""}`, priority === null ? "metric" : "priority");
  }
  const which = `${target.priority ? ` for priority ${target.priority}` : ""}${target.case ? ` for ${target.case} cases` : ""}`;
  if (target.published === false) {
    // The code lets a page say "not published", not "no guaranteed time".
    throw fail(`plan '${vendorId}/${planId}' has a ${metric} target${which} that the vendor does not publish: there is no deadline to compute`, "metric", { code: "unpublished" });
  }
  if (target.minutes === null && (target.business_days ?? null) === null) {
    throw fail(`plan '${vendorId}/${planId}' guarantees no ${metric} time${which}: there is no deadline`, "metric");
  }
  return { vendorId, vendor, target };
}

// The zone a target's clock runs and answers in, and its timeline: the calendar's zone, else the customer's
// `tz`, else (24x7 only) the report's own offset; the customer's country for a calendar closed on their holidays (§5).
function calendarClock(rules, vendorId, vendor, calId, tz, country, moment) {
  const calendar = own(vendor.calendars, calId);
  if (!calendar) throw fail(`the rules are inconsistent: vendor '${vendorId}' has no calendar '${calId}'`);
  let zone;
  if (calendar.zone !== null) zone = checkZone(calendar.zone, `calendar '${calId}'`);
  else if (tz !== null) zone = tz;
  else if (calendar.always_open) zone = moment.offset;
  else {
    throw fail(`calendar '${calId}' runs in the customer's own time zone; give the zone (--tz, or "tz" in a batch line), such as Europe/Stockholm`, "tz");
  }
  const listed = calendar.customer_holidays ? Object.keys(calendar.customer_holidays) : [];
  if (listed.length) {
    if (country === null) {
      throw fail(`calendar '${calId}' closes on the customer's public holidays; give the customer's country (--country, or "country" in a batch line), one of: ${listed.join(", ")}`);
    }
    if (!listed.includes(country)) {
      throw fail(`calendar '${calId}' closes on the customer's public holidays, and the rules carry them only for ${listed.join(", ")}, not for '${cut(country)}'`);
    }
  } else country = null;
  return { zone, t: timeline(rules, calendar, zone, country) };
}

// The deadline as { ms, zone } (zone: the one the answer is given in).
function evaluate(rules, { plan, priority = null, at, tz = null, metric = null, case: kase = null, country = null } = {}) {
  namesAreTexts({ plan, priority, tz, metric, case: kase, country });
  if (priority === "" || priority === undefined) priority = null;
  if (tz === "" || tz === undefined) tz = null;
  if (kase === "" || kase === undefined) kase = null;
  if (country === "" || country === undefined) country = null;
  const moment = parseMoment(at);
  if (tz !== null) checkZoneName(rules, tz, "the customer's zone", "tz");
  const { vendorId, vendor, target } = findTarget(rules, plan, priority, metric, kase, { report: moment.ms, tz });
  const { zone, t } = calendarClock(rules, vendorId, vendor, target.calendar, tz, country, moment);
  const { first, last } = rules.years;
  const beyond = () => fail(`the deadline falls after the last year the rules cover (${first}–${last}); export more years`, "at", { code: "beyond" });
  const outside = () => fail(`the moment ${formatIso(moment.ms, moment.offset)} lies outside the years the rules cover (${first}–${last})`, "at", { code: "outside" });
  const report = moment.ms;
  const days = target.business_days ?? null;
  if (!(t.lo <= report && report < t.hi)) throw outside();
  const start = cutoffStart(t, report, target.cutoff, zone);
  if (start === null) throw beyond();
  const end = days === null ? timelineDeadline(t, start, target.minutes) : daysDeadline(t, start, days, target.days_rule === "day-end", zone);
  if (end === null || end > t.hi || (end === t.hi && last >= 9999)) throw beyond();
  return { ms: end, zone };
}

/** By when the target of `plan` ("vendor/plan") is due for a report `at` (ISO 8601 with offset, or a Date). */
export const due = reading((rules, options) => new Date(evaluate(rules, options).ms));

/** The deadline as ISO 8601 in the calendar's zone (or the customer's `tz`, or the report's own offset for a zoneless 24x7 clock). */
export const dueIso = reading((rules, options) => {
  const { ms, zone } = evaluate(rules, options);
  return formatIso(ms, zone);
});

/** The priority level a vendor's impact x urgency matrix gives. */
export const priorityFor = reading((rules, vendor, impact, urgency) => {
  namesAreTexts({ vendor, impact, urgency }, true);
  checkFormat(rules); // as a question's: the version, then `vendors` and the rest (another type was an unknown vendor here)
  // Names cut to 100 characters, as every message quotes a caller's name (§7).
  const [v, i, u] = [vendor, impact, urgency].map((name) => cut(String(name)));
  const found = own(rules.vendors, vendor);
  if (found === undefined || found === null) throw fail(`unknown vendor '${v}'${suggest(vendor, Object.keys(rules.vendors))}`, "vendor");
  checkVendor(rules, vendor, found);
  const scheme = found.priorities;
  if (!scheme || !scheme.matrix) throw fail(`vendor '${v}' has no impact × urgency matrix`, "vendor");
  const matrix = scheme.matrix;
  if (!matrix.impacts.includes(impact) && matrix.urgencies.includes(impact)) {
    // The two given the other way round: say so, as dsl/rules/engine.py does.
    throw fail(`vendor '${v}' has no impact '${i}'; '${i}' is an urgency: give the impact first, then the urgency`, "impact");
  }
  if (!matrix.impacts.includes(impact)) throw fail(`vendor '${v}' has no impact '${i}'${suggest(impact, matrix.impacts)}`, "impact");
  if (!matrix.urgencies.includes(urgency)) throw fail(`vendor '${v}' has no urgency '${u}'${suggest(urgency, matrix.urgencies)}`, "urgency");
  const level = own(own(matrix.levels, impact), urgency);
  if (level === undefined || level === null) {
    throw fail(`vendor '${v}''s matrix gives no level for impact '${i}' with urgency '${u}'`); // neither name alone: the pair (§2)
  }
  return level;
});

// --- effective-dated versions (format 1.2, docs/rules.md §5 step 8) ---

// The instant (ms) a version's date begins: local midnight in its calendar's zone, else the customer's tz, else UTC.
function versionStart(vendor, target, day, tz) {
  if (!day) return null;
  const calendar = target.calendar ? own(vendor.calendars, target.calendar) : null;
  const zone = calendar && calendar.zone !== null ? calendar.zone : tz ?? 0;
  return wallToInstant(utcMs(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))), zone);
}

// null when the plan's targets for the metric have no versions; else whether a target is in force at the report.
function versionFilter(vendor, plan, metric, { report, tz }) {
  const targets = plan.targets.filter((t) => t.metric === metric);
  if (!targets.some((t) => t.from)) return null;
  return (t) => {
    const begin = versionStart(vendor, t, t.from ?? null, tz);
    const next = targets.find((n) => n !== t && (n.from ?? null) === (t.until ?? null) && n.priority === t.priority && (n.case ?? null) === (t.case ?? null));
    const end = next && t.until ? versionStart(vendor, next, t.until, tz) : null;
    return (begin === null || begin <= report) && (end === null || report < end);
  };
}

// What assets/ticket.js (the ticket clock, docs/rules.md §11) builds on. Not an interface of its own:
// it lets the clock live in a module the vendor pages do not load.
export const _internals = Object.freeze({
  MINUTE_MS, calendarClock, checkFormat, checkPlan, fail, checkZoneName, cut, cutoffStart, daysDeadline, findTarget, formatIso, namesAreTexts, notTheFormat, own,
  parseMoment,
  reading, search, suggest, timeline,
});
