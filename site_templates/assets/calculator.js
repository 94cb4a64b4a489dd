// "By when will they answer?": rendered `hidden`, shown once the rules have loaded (docs/site.md).
import { due } from "./sla.js";
import { dayField, deadlineWords, isoWithOffset, nextFriday, nowButton, readMoment, readTime } from "./moment.js";

const box = document.getElementById("calculator");
if (box) start(box);

async function start(box) {
  const data = box.dataset;
  let rules;
  const gone = () => document.getElementById("toc-calc")?.remove();
  try {
    const response = await fetch(data.rules);
    if (!response.ok) return gone();
    rules = await response.json();
  } catch {
    return gone();
  }
  const vendor = Object.keys(rules.vendors || {})[0];
  const form = box.querySelector("form");
  const out = box.querySelector(".out");
  const field = (name) => form.elements.namedItem(name);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = new URLSearchParams(data.zones.replaceAll("|", "&")).get(tz);
  const clock = new Intl.DateTimeFormat(data.locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const day = dayField(field("at"), data.locale);
  if (!field("at").value) day.write(nextFriday(new Date()));
  field("time").value ||= "16:00";
  nowButton(form, day);
  const years = (text) => text.replaceAll("{first}", rules.years.first).replaceAll("{last}", rules.years.last);
  // The reader's country from the language tag (sv-SE: SE), if offered.
  const region = (navigator.language.split("-")[1] || "").toUpperCase();
  if (field("country")?.querySelector(`[value="${region}"]`)) field("country").value = region;

  function answer(strict = true) {
    const time = field("time");
    time.setAttribute("aria-invalid", !readTime(time.value) && strict);
    const when = readMoment(day.read(strict) ?? "", time.value);
    if (!when || Number.isNaN(when.getTime())) return void (out.textContent = data.invalid);
    const year = when.getFullYear();
    if (rules.years && (year < rules.years.first || year > rules.years.last)) return void (out.textContent = years(data.range));
    try {
      const deadline = due(rules, {
        plan: `${vendor}/${field("plan").value}`,
        priority: field("priority")?.value ?? null,
        at: isoWithOffset(when),
        tz,
        metric: field("metric").value,
        case: field("case")?.value || null,
        country: field("country")?.value || null,
      });
      out.textContent = deadlineWords(day.long, clock, deadline, data.result, zone, data.other);
    } catch (error) {
      // Past the covered years, or a time the vendor keeps to itself, is not "no guaranteed time".
      const reason = { beyond: years(data.beyond), outside: years(data.range), unpublished: data.unpublished };
      out.textContent = reason[error.code] ?? data.failed;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    answer();
  });
  form.addEventListener("change", () => answer());
  form.addEventListener("input", () => answer(false));
  box.hidden = false;
  document.getElementById("toc-calc").hidden = false;
  if (location.hash === "#calculator") box.scrollIntoView(); // docs/site.md
  answer();
}
