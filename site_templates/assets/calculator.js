// "By when will they answer?" — progressive enhancement of a vendor page.
// The section is rendered `hidden`; it is shown only once the rules have loaded,
// so a reader without JavaScript (or offline) sees the rest of the page unchanged.
import { due } from "./sla.js";

const box = document.getElementById("calculator");
if (box) start(box);

function isoWithOffset(date) {
  // The reader's wall-clock moment with the offset their zone has at that moment.
  const pad = (n) => String(Math.abs(n)).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

function localInputValue(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

async function start(box) {
  const data = box.dataset;
  let rules;
  try {
    const response = await fetch(data.rules);
    if (!response.ok) return;
    rules = await response.json();
  } catch {
    return; // no rules, no calculator: the page already says everything else
  }
  const vendor = Object.keys(rules.vendors || {})[0];
  const form = box.querySelector("form");
  const out = box.querySelector(".out");
  const field = (name) => form.elements.namedItem(name);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const show = new Intl.DateTimeFormat(data.locale, {
    weekday: "long", year: "numeric", month: "long", day: "numeric",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short",
  });
  if (!field("at").value) field("at").value = localInputValue(new Date());
  // The reader's country from the language tag (sv-SE: SE), if offered.
  const region = (navigator.language.split("-")[1] || "").toUpperCase();
  if (field("country")?.querySelector(`[value="${region}"]`)) field("country").value = region;

  function answer() {
    const when = new Date(field("at").value); // datetime-local is read in the reader's own zone
    if (!field("at").value || Number.isNaN(when.getTime())) {
      out.textContent = data.invalid;
      return;
    }
    const year = when.getFullYear();
    if (rules.years && (year < rules.years.first || year > rules.years.last)) {
      out.textContent = data.range.replace("{first}", rules.years.first).replace("{last}", rules.years.last);
      return;
    }
    try {
      const deadline = due(rules, {
        plan: `${vendor}/${field("plan").value}`,
        priority: field("priority") ? field("priority").value : null,
        at: isoWithOffset(when),
        tz,
        metric: field("metric").value,
        case: field("case") ? field("case").value || null : null,
        country: field("country") ? field("country").value || null : null,
      });
      out.textContent = data.result.replace("{time}", show.format(deadline));
    } catch {
      out.textContent = data.failed;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    answer();
  });
  form.addEventListener("change", answer);
  box.hidden = false;
  answer();
}
