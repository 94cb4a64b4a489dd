// The dates the calculator, the comparison and the date fields write in words: Italian says the first of a month
// "1º luglio" (primo), as the pages do (dsl/site/formatting.italian_first); Intl alone writes "1 luglio".
// tests/test_js_evaluator.py runs every file here.
import { test } from "node:test";
import assert from "node:assert/strict";

import { dateWords, deadlineWords, readMoment, readTime, utcOffset } from "../../site_templates/assets/moment.js";

const long = (locale) => new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });

test("Italian says the first of the month as an ordinal, and only the first", () => {
  assert.equal(dateWords(long("it-IT"), new Date(2026, 6, 1, 12)), "mercoledì 1º luglio 2026");
  assert.equal(dateWords(long("it-IT"), new Date(2026, 6, 11, 12)), "sabato 11 luglio 2026");
  assert.equal(dateWords(long("it-IT"), new Date(2026, 6, 21, 12)), "martedì 21 luglio 2026");
  const short = new Intl.DateTimeFormat("it-IT", { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  assert.match(dateWords(short, new Date(2026, 9, 1, 1, 1)), /^gio 1º ott 2026,? 01:01$/);
});

test("the other languages keep Intl's words", () => {
  for (const locale of ["sv-SE", "pl-PL", "en-GB"]) {
    const f = long(locale);
    assert.equal(dateWords(f, new Date(2026, 6, 1, 12)), f.format(new Date(2026, 6, 1, 12)));
  }
});

// The calculator's answer (pages15): Intl's date, time and zone name joined by the page's words. Polish read "wtorek,
// 24 listopada 2026 14:00" (CLDR joins them with a bare space), Italian "alle ore 14:00 ora svedese".
const clock = (locale, timeZone) => new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
const day = (locale, timeZone) => new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone });

test("a deadline reads as each language writes a date and a time", () => {
  const sentences = {
    "sv-SE": ["Senast: {date} kl. {time} {zone}", "svensk tid", "Senast: tisdag 24 november 2026 kl. 14:00 svensk tid"],
    "it-IT": ["Scadenza: {date} alle {time}, {zone}", "ora svedese", "Scadenza: martedì 24 novembre 2026 alle 14:00, ora svedese"],
    "pl-PL": ["Termin: {date}, godz. {time} {zone}", "czasu szwedzkiego", "Termin: wtorek, 24 listopada 2026, godz. 14:00 czasu szwedzkiego"],
    "en-GB": ["Deadline: {date} at {time} {zone}", "Swedish time", /^Deadline: Tuesday,? 24 November 2026 at 14:00 Swedish time$/],
  };
  const at = new Date("2026-11-24T13:00:00Z");
  for (const [locale, [sentence, zone, said]] of Object.entries(sentences)) {
    const words = deadlineWords(day(locale, "Europe/Stockholm"), clock(locale, "Europe/Stockholm"), at, sentence, zone);
    if (typeof said === "string") assert.equal(words, said);
    else assert.match(words, said);
  }
  // A zone the site has no words for (pages16): its offset from UTC at the deadline after a label, in every language
  // alike. Intl's names stood after the time in the nominative, and in Polish are often no name at all ("czas: Wielka
  // Brytania", "Japonia (czas standardowy)"); the first of a month is still "1º" in Italian.
  const july = new Date("2026-07-01T00:00:00Z");
  assert.equal(
    deadlineWords(day("it-IT", "Asia/Tokyo"), clock("it-IT", "Asia/Tokyo"), july, "{date} alle {time}, {zone}", null, "{date} alle {time} (il vostro fuso orario: {zone})"),
    "mercoledì 1º luglio 2026 alle 09:00 (il vostro fuso orario: UTC+9)",
  );
  assert.equal(
    deadlineWords(day("pl-PL", "Europe/London"), clock("pl-PL", "Europe/London"), july, "{date}, godz. {time} {zone}", null, "{date}, godz. {time} (strefa czasowa przeglądarki: {zone})"),
    "środa, 1 lipca 2026, godz. 01:00 (strefa czasowa przeglądarki: UTC+1)",
  );
});

test("an offset from UTC is written as the pages write a fixed one", () => {
  const winter = new Date("2026-12-07T12:00:00Z");
  const said = { "Europe/London": "UTC", "Atlantic/Reykjavik": "UTC", UTC: "UTC", "Asia/Tokyo": "UTC+9", "America/Sao_Paulo": "UTC\u22123", "Asia/Kathmandu": "UTC+5:45", "America/St_Johns": "UTC\u22123:30", "Etc/GMT+5": "UTC\u22125" };
  for (const [zone, words] of Object.entries(said)) assert.equal(utcOffset(winter, zone), words, zone);
});

// "16.00" is how many Swedes, Italians and Poles write a time; the forms answered it with "Enter a date and a time".
test("a time is read with a colon, a full stop, no separator or as the hour alone; never past 23:59", () => {
  const read = { "16:00": "16:00", "16.00": "16:00", " 9:05 ": "09:05", "9.05": "09:05", "1600": "16:00", "930": "09:30", "9": "09:00", "23.59": "23:59" };
  for (const [typed, time] of Object.entries(read)) assert.equal(readTime(typed), time, typed);
  for (const typed of ["", "24:00", "25:00", "16:60", "16:0", "4 pm", "16,00", "16:00:00", "12345"]) assert.equal(readTime(typed), null, typed);
  assert.deepEqual(readMoment("2026-12-04", "16.30"), new Date(2026, 11, 4, 16, 30));
  assert.equal(readMoment("2026-12-04", "16h"), null);
});
