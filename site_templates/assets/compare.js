// The comparison across vendors (issue 9) — progressive enhancement of a complete HTML table.
// Adds: sorting by any column (a button in each head, aria-sort on the sorted one), filters by
// vendor, coverage and channel, a choice of tiers, all kept in the address (?plans=…&sort=…) so a
// comparison can be shared and is restored from it; and "who answers first?", computed by sla.js
// on the published rules (rules/all.json), the same evaluator the vendor pages' calculator uses.
import { due } from "./sla.js";
import { dateWords, dayField, isoWithOffset, nextFriday, nowButton, readDay, readMoment, readTime } from "./moment.js";

const table = document.getElementById("cmp");
const tools = document.getElementById("cmp-tools");

const list = (value) => (value ? value.split(",").filter(Boolean) : []);

function start() {
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const heads = [...table.tHead.rows[0].cells];
  const field = (name) => tools.elements.namedItem(name);
  const boxes = rows.map((row) => row.querySelector("input.choose"));
  const vendorBoxes = [...tools.querySelectorAll("input[name=vendor]")];
  const state = { sort: "plan", dir: "asc" };

  // --- the address: read once, written on every change ---
  const params = new URLSearchParams(location.search);
  const chosen = new Set(list(params.get("plans")));
  boxes.forEach((box) => (box.checked = chosen.has(box.value)));
  field("only").checked = chosen.size > 0 && params.get("show") !== "all";
  const vendors = list(params.get("vendors"));
  if (vendors.length) vendorBoxes.forEach((box) => (box.checked = vendors.includes(box.value)));
  // The language filter exists only when some tier states its languages of support.
  const filters = ["coverage", "channel", "language"].filter((name) => field(name));
  for (const name of filters) {
    const value = params.get(name);
    if (value && field(name).querySelector(`option[value="${CSS.escape(value)}"]`)) field(name).value = value;
  }
  if (heads.some((th) => th.dataset.key === params.get("sort"))) state.sort = params.get("sort");
  if (params.get("dir") === "desc") state.dir = "desc";

  function address() {
    const out = new URLSearchParams();
    const picked = boxes.filter((b) => b.checked).map((b) => b.value);
    if (picked.length) out.set("plans", picked.join(","));
    if (picked.length && !field("only").checked) out.set("show", "all");
    const on = vendorBoxes.filter((b) => b.checked).map((b) => b.value);
    if (on.length !== vendorBoxes.length) out.set("vendors", on.join(","));
    for (const name of filters) if (field(name).value) out.set(name, field(name).value);
    if (state.sort !== "plan" || state.dir !== "asc") {
      out.set("sort", state.sort);
      out.set("dir", state.dir);
    }
    for (const name of ["at", "time", "priority"]) if (moment[name]) out.set(name, moment[name]);
    const query = out.toString().replaceAll("%2C", ",").replaceAll("%2F", "/").replaceAll("%3A", ":");
    return `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  }

  // --- sorting: a button in every head ---
  // On a phone the buttons are a line that scrolls sideways, and Chromium left a button the keyboard reached half out.
  const line = table.tHead.rows[0];
  line.addEventListener("focusin", (event) => line.scrollWidth > line.clientWidth && event.target.scrollIntoView({ block: "nearest", inline: "nearest" }));
  for (const th of heads) {
    const button = document.createElement("button");
    button.type = "button";
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener("click", () => {
      state.dir = state.sort === th.dataset.key && state.dir === "asc" ? "desc" : "asc";
      state.sort = th.dataset.key;
      update();
    });
  }

  function sortRows() {
    const index = heads.findIndex((th) => th.dataset.key === state.sort);
    const key = (row) => row.cells[index].dataset.sort || "~";
    // Cells with nothing to compare ("~") stay last in both directions; before them, those that compare only among
    // themselves ("}1 …": a price per incident, a share of a licence, "ask"; compare.APART) in their own order in both
    // directions.
    const rank = (k) => (k === "~" ? 2 : k.startsWith("}") ? 1 : 0);
    const sorted = rows.slice().sort((a, b) => {
      const ka = key(a), kb = key(b);
      if (rank(ka) !== rank(kb)) return rank(ka) - rank(kb);
      const order = ka < kb ? -1 : ka > kb ? 1 : 0;
      return (state.dir === "asc" || rank(ka) > 0 ? order : -order) || rows.indexOf(a) - rows.indexOf(b);
    });
    body.append(...sorted);
    heads.forEach((th, i) => (i === index ? th.setAttribute("aria-sort", state.dir === "asc" ? "ascending" : "descending") : th.removeAttribute("aria-sort")));
  }

  // --- filters and the choice of tiers ---
  function filterRows() {
    const on = new Set(vendorBoxes.filter((b) => b.checked).map((b) => b.value));
    const coverage = field("coverage").value;
    const channel = field("channel").value;
    const language = field("language")?.value;
    const only = field("only").checked && boxes.some((b) => b.checked);
    let shown = 0;
    rows.forEach((row, i) => {
      const visible =
        on.has(row.dataset.vendor) &&
        (!coverage || row.dataset.coverage === coverage) &&
        (!channel || row.dataset.channels.split(" ").includes(channel)) &&
        (!language || row.dataset.languages.split(" ").includes(language)) &&
        (!only || boxes[i].checked);
      row.hidden = !visible;
      shown += visible;
    });
    const count = tools.querySelector(".count");
    count.textContent = tools.dataset.shown.replace("{shown}", shown).replace("{total}", rows.length);
    // "Only the chosen tiers" ticked before any tier was: nothing changed, and nothing said why.
    if (field("only").checked && !boxes.some((b) => b.checked)) count.append(document.createElement("br"), tools.dataset.none);
  }

  function update() {
    sortRows();
    filterRows();
    answer();
    const url = address();
    history.replaceState(null, "", url);
    document.getElementById("cmp-link").href = url;
    carryToLanguages();
  }

  boxes.forEach((box) => (box.hidden = false));
  for (const button of tools.querySelectorAll(".all button")) {
    button.addEventListener("click", () => {
      vendorBoxes.forEach((box) => (box.checked = Boolean(button.value)));
      update();
    });
  }
  tools.addEventListener("change", update);
  tools.addEventListener("submit", (event) => event.preventDefault());
  table.addEventListener("change", update);
  tools.hidden = false;

  // --- who answers first? ---
  const box = document.getElementById("first");
  const moment = { at: params.get("at") || "", time: params.get("time") || "", priority: params.get("priority") || "" };
  let answer = () => {};
  update();
  // Shown with the first paint, not when the rules have come: appearing later, it pushed what is below
  // it down under the reader's eyes. Without the rules it goes again (a page opened from file://).
  if (box) box.hidden = false;
  if (box) firstAnswers(box, rows, moment).then((fn) => {
    answer = fn;
    update();
  });
}

async function firstAnswers(box, rows, moment) {
  const data = box.dataset;
  const form = box.querySelector("form");
  const field = (name) => form.elements.namedItem(name);
  const tbody = box.querySelector("tbody");
  const out = box.querySelector(".zone");
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The zone as the pages name it ("Times are in Swedish time, …"), else by the language's generic name: the id
  // ("Europe/Stockholm") was no reader's word for it.
  const named = new URLSearchParams(data.zones.replaceAll("|", "&")).get(tz);
  const zone = named ? data.named.replace("{zone}", named) : data.zone.replace("{zone}", zoneWords(tz, data.locale));
  const show = new Intl.DateTimeFormat(data.locale, {
    weekday: "short", day: "numeric", month: "short", year: "numeric",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: tz,
  });
  const friday = nextFriday(new Date());
  // The address keeps the day as YYYY-MM-DD, whichever language the link is opened in; the field writes it the page's way.
  const day = dayField(field("at"), data.locale);
  day.write(readDay(moment.at, "y-MM-dd") ?? friday);
  field("time").value = moment.time || "16:00";
  nowButton(form, day);
  if (["top", "low"].includes(moment.priority)) field("priority").value = moment.priority;
  const region = (navigator.language.split("-")[1] || "").toUpperCase();
  if (field("country")?.querySelector(`[value="${region}"]`)) field("country").value = region;
  // The form and the line under it are filled before the rules come, so that nothing moves under the reader.
  out.textContent = zone;
  let rules;
  try {
    const response = await fetch(data.rules);
    if (!response.ok) throw new Error(response.statusText);
    rules = await response.json();
  } catch {
    box.hidden = true;
    document.getElementById("to-first").remove();
    return () => {}; // no rules: the table above still says everything
  }
  const years = (text) => text.replaceAll("{first}", rules.years.first).replaceAll("{last}", rules.years.last);

  function answer(strict = true) {
    field("time").setAttribute("aria-invalid", !readTime(field("time").value) && strict);
    const when = readMoment(day.read(strict) ?? "", field("time").value);
    tbody.replaceChildren();
    if (!when || Number.isNaN(when.getTime())) return void (out.textContent = data.invalid);
    out.textContent = zone;
    const which = field("priority").value;
    // The priority as its column's cell names it under the time, with the `lang` of a vendor's untranslated words.
    const heads = [...table.tHead.rows[0].cells];
    const column = heads.findIndex((th) => th.dataset.key === which);
    const top = heads.findIndex((th) => th.dataset.key === "top");
    const answers = rows.filter((row) => !row.hidden).map((row) => {
      const priority = row.dataset[which] || null;
      // A vendor without priority levels names its one priority ("Every request") in the highest priority's cell only.
      const named = row.cells[column].querySelector("small") ?? row.cells[top].querySelector("small");
      const label = [...(named?.childNodes ?? [])].map((n) => n.cloneNode(true));
      const result = { row, label, ms: null, text: row.dataset[`${which}Why`] };
      if (result.text) return result;
      try {
        const deadline = due(rules, {
          plan: row.dataset.plan, priority, at: isoWithOffset(when), tz,
          metric: "first-response", country: field("country") ? field("country").value : null,
        });
        result.ms = deadline.getTime();
        result.text = dateWords(show, deadline);
      } catch (error) {
        result.text = error.code === "beyond" ? years(data.beyond) : error.code === "outside" ? years(data.range) : data.failed;
      }
      return result;
    });
    // Fastest first; tiers without a deadline after them, in the table's order.
    answers.sort((a, b) => (a.ms ?? Infinity) - (b.ms ?? Infinity));
    for (const { row, label, ms, text } of answers) {
      const tr = tbody.insertRow();
      tr.dataset.plan = row.dataset.plan;
      const head = document.createElement("th");
      head.scope = "row";
      head.append(...[...row.cells[0].childNodes].filter((n) => !(n instanceof HTMLInputElement) && !n.classList?.contains("badge")).map((n) => n.cloneNode(true)));
      tr.append(head);
      tr.insertCell().append(...label);
      const cell = tr.insertCell();
      if (ms !== null) {
        const time = document.createElement("time");
        time.dateTime = new Date(ms).toISOString();
        time.textContent = text;
        cell.append(time);
        tr.dataset.due = time.dateTime;
      } else {
        cell.textContent = text;
        cell.className = "why";
      }
    }
  }
  form.addEventListener("submit", (event) => event.preventDefault());
  for (const kind of ["change", "input"]) {
    form.addEventListener(kind, () => {
      // A moment the reader set is kept in the address; the default (next Friday) is not.
      moment.at = readDay(field("at").value, field("at").dataset.pattern) ?? "";
      moment.time = readTime(field("time").value) ?? field("time").value;
      moment.priority = field("priority").value;
      answer(kind === "change");
      history.replaceState(null, "", withMoment(moment));
      document.getElementById("cmp-link").href = location.pathname + location.search;
      carryToLanguages();
    });
  }
  return answer;
}

// The language switcher leads to this comparison in another language, not to the page as it first opened: the
// choice of tiers, the filters, the sort and the moment are in the address, in words no language owns (tier ids,
// YYYY-MM-DD), and a reader who switched mid-comparison lost them all.
function carryToLanguages() {
  for (const link of document.querySelectorAll("nav.langs a[hreflang]")) {
    link.dataset.page ??= link.getAttribute("href").split("#")[0]; // base.html may have added the fragment
    link.setAttribute("href", link.dataset.page + location.search + location.hash);
  }
}

// The reader's time zone, when the site has no name of its own for it, as a sentence names it, by the rules the pages
// name a plan's zones with (fmt.zone_name): UTC as "UTC", not "GMT+00:00 (UTC)"; a fixed offset as "UTC+3", never its
// tz id "Etc/GMT-3", whose sign is the reverse of the offset's; otherwise the language's generic name, in Italian in
// lower case, as it stands inside a sentence ("ora dell’Europa centrale", where Intl gives "Ora dell’Europa centrale").
function zoneWords(tz, locale) {
  if (/^(Etc\/)?(UTC|UCT|Universal|Zulu)$/.test(tz)) return "UTC";
  if (/^(Etc\/)?(GMT|GMT[+-]?0|Greenwich)$/.test(tz)) return "GMT";
  const offset = /^Etc\/GMT([+-])(\d{1,2})$/.exec(tz);
  if (offset) return `UTC${offset[1] === "+" ? "\u2212" : "+"}${Number(offset[2])}`;
  const named = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: "longGeneric" })
    .formatToParts(new Date()).find((part) => part.type === "timeZoneName")?.value;
  if (!named || named === tz) return tz;
  return locale.split("-")[0] === "it" ? named.charAt(0).toLocaleLowerCase(locale) + named.slice(1) : named;
}

// The address with the moment of "who answers first?" in it.
function withMoment(moment) {
  const params = new URLSearchParams(location.search);
  for (const name of ["at", "time", "priority"]) {
    if (moment[name]) params.set(name, moment[name]);
    else params.delete(name);
  }
  const query = params.toString().replaceAll("%2C", ",").replaceAll("%2F", "/").replaceAll("%3A", ":");
  return `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
}

// A table's box is a stop of the Tab key only while it scrolls sideways, the keyboard's way to scroll it: on a wide
// screen and on a phone's cards it does not, and Tab stopped on a box 4 000 px tall that did nothing.
const regions = [...document.querySelectorAll(".scroll[tabindex]")];
const watch = new ResizeObserver(() => regions.forEach((box) => (box.tabIndex = box.scrollWidth > box.clientWidth ? 0 : -1)));
regions.forEach((box) => [box, box.firstElementChild].forEach((el) => watch.observe(el)));

// Last, once every constant above is defined.
if (table && tools) start();
