// Tierwise's ticket clock in JavaScript (docs/rules.md §11): per metric of a ticket with events (pauses,
// responses, updates, priority changes), its deadline, elapsed and remaining business time, state and
// warnings, as dsl/rules/engine.py's TicketClock answers them. Built on assets/sla.js, in a module of
// its own so that the site's vendor pages, which need only deadlines, do not load it.

import { _internals } from "./sla.js";

const {
  MINUTE_MS, calendarClock, cut, checkFormat, fail, checkPlan, checkZoneName, cutoffStart, daysDeadline, findTarget, formatIso, namesAreTexts, notTheFormat, own, parseMoment,
  reading, search,
  suggest, timeline,
} = _internals;

export const EVENT_TYPES = ["pause", "resume", "registered", "responded", "updated", "resolved", "priority", "obligation", "workaround", "on-site"];
export const DEFAULT_WARNINGS = [50, 75];
const MET_BY = { registration: "registered", "first-response": "responded", "status-update": "updated", resolution: "resolved", workaround: "workaround",
  "on-site": "on-site" }; // format 1.6: a technician arrived at the customer's site

// A fault of the ticket's events or warnings (field "events" or "warnings", as Python's RuleError.field).
class TicketError extends Error {
  constructor(message, field = "events") {
    super(message);
    this.field = field;
  }
}

// F(moment): open time of a timeline before an instant.
function openBefore(t, moment) {
  const i = search(t.starts, moment, true) - 1;
  if (i < 0) return 0;
  return t.before[i] + Math.min(moment, t.ends[i]) - t.starts[i];
}

// The earliest instant by which `wanted` ms of open time have run outside the pauses since `start`; null: after the span.
function pausedReach(t, start, pauses, wanted) {
  if (!wanted) return start;
  let done = 0;
  let base = openBefore(t, start);
  for (const [stop, resume] of pauses) {
    const here = openBefore(t, stop);
    if (done + here - base >= wanted) break;
    done += here - base;
    base = openBefore(t, resume);
  }
  const goal = base + wanted - done;
  const j = search(t.through, goal, false);
  if (j === t.through.length) return null;
  return t.starts[j] + goal - t.before[j];
}

// Cut as every quoted name is (sla.js's cut): 100 characters are 100 code points, not UTF-16 units.
const jsonText = (value) => cut(JSON.stringify(value) ?? String(value));
const seconds = (ms) => ms / 1000;

function readEvents(events, report, levels, plan) {
  if (events === null || events === undefined) events = [];
  if (!Array.isArray(events)) throw new TicketError(`"events" must be a list of events, not ${jsonText(events)}`);
  const timed = (plan.obligations || []).filter(isTimed).map((ob) => ob.id);
  const found = [];
  events.forEach((event, index) => {
    const number = index + 1;
    if (event === null || typeof event !== "object" || Array.isArray(event)) {
      throw new TicketError(`event ${number} is not an object such as {"type": "pause", "at": "2026-11-23T16:00:00+01:00"}`);
    }
    const kind = event.type;
    if (!EVENT_TYPES.includes(kind)) {
      // A type that is not a text gets the same sorted list as one with nothing close (§7's hint).
      const hint = (typeof kind === "string" ? suggest(kind, EVENT_TYPES) : "") || "; known: " + [...EVENT_TYPES].sort().join(", ");
      throw new TicketError(`event ${number} has an unknown type ${jsonText(kind ?? null)}${hint}`);
    }
    const unknown = Object.keys(event).filter((k) => !["type", "at", "priority", "obligation"].includes(k));
    if (unknown.length) throw new TicketError(`event ${number} has an unknown field '${cut(unknown[0])}'`);
    if (typeof event.at !== "string") throw new TicketError(`event ${number} needs "at", its moment as a text such as 2026-11-23T16:00:00+01:00`);
    let moment;
    try {
      moment = parseMoment(event.at).ms;
    } catch (error) {
      throw new TicketError(`event ${number}: ${error.message}`);
    }
    if (moment < report) throw new TicketError(`event ${number} (${event.at}) is before the report`);
    if (found.length && moment < found[found.length - 1].at) {
      throw new TicketError(`event ${number} (${event.at}) is earlier than event ${number - 1}; give the events in time order`);
    }
    const level = event.priority ?? null;
    if (kind === "priority") {
      if (!levels.includes(level)) {
        throw new TicketError(`event ${number} changes the priority to ${jsonText(level)}, which is not one of: ${levels.join(", ") || "(no levels)"}`);
      }
    } else if (level !== null) throw new TicketError(`event ${number}: only a "priority" event has a "priority"`);
    const obligation = event.obligation ?? null;
    if (kind === "obligation") {
      if (!timed.includes(obligation)) {
        throw new TicketError(`event ${number} names the obligation ${jsonText(obligation)}, which is not one of the plan's timed obligations: ${timed.join(", ") || "(none)"}`);
      }
    } else if (obligation !== null) throw new TicketError(`event ${number}: only an "obligation" event has an "obligation"`);
    found.push({ kind, at: moment, priority: level, obligation });
  });
  return found;
}

function readShares(warnings) {
  if (warnings === null || warnings === undefined) return DEFAULT_WARNINGS;
  if (!Array.isArray(warnings)) throw new TicketError(`"warnings" must be a list of whole percents, not ${jsonText(warnings)}`, "warnings");
  const shares = [];
  for (const share of warnings) {
    if (!Number.isInteger(share) || share < 1 || share > 99) {
      throw new TicketError(`a warning is a whole percent of the target from 1 to 99, not ${jsonText(share)}`, "warnings");
    }
    shares.push(share);
  }
  return [...new Set(shares)].sort((a, b) => a - b);
}

// The calendar, timeline and answer zone of one metric's target (the zone logic of evaluate, §5).
function resolveClock(rules, plan, priority, metric, kase, tz, country, moment) {
  const { vendorId, vendor, target } = findTarget(rules, plan, priority, metric, kase, { report: moment.ms, tz });
  return { target, ...calendarClock(rules, vendorId, vendor, target.calendar, tz, country, moment) };
}


function measure(rules, t, zone, target, start, stop, state, shares) {
  const { first, last } = rules.years;
  const beyond = () => fail(`the deadline falls after the last year the rules cover (${first}–${last}); export more years`, "at");
  if (!(t.lo <= start && start < t.hi)) {
    throw fail(`the moment ${formatIso(start, zone)} lies outside the years the rules cover (${first}–${last})`, "at");
  }
  // A cut-off (format 1.9) moves where the clock starts: open time before that is not counted.
  start = cutoffStart(t, start, target.cutoff, zone);
  if (start === null) throw beyond();
  // A stopped clock keeps the deadline it had at its stop: pauses after it are not its own (docs/rules.md §11.2).
  const pauses = state.pausesWithin(start, stop);
  let floor = start, wanted;
  const days = target.business_days ?? null;
  if (days !== null) {
    floor = daysDeadline(t, start, days, target.days_rule === "day-end", zone);
    // A deadline at the end of a span ending with year 9999 is in year 10000: after the span (sla.js's evaluate).
    if (floor === null || floor > t.hi || (floor === t.hi && last >= 9999)) throw beyond();
    wanted = openBefore(t, floor) - openBefore(t, start);
  } else wanted = target.minutes * MINUTE_MS;
  const reach = (amount) => {
    const found = pausedReach(t, start, pauses, amount);
    if (found === null || (found === t.hi && last >= 9999)) throw beyond();
    return found;
  };
  const deadline = Math.max(reach(wanted), floor);
  const end = stop === null ? state.now : stop;
  let elapsed = end > start ? openBefore(t, end) - openBefore(t, start) : 0;
  for (const [a, b] of pauses) {
    if (a >= end) break;
    elapsed -= openBefore(t, Math.min(b, end)) - openBefore(t, a);
  }
  const status = end > deadline ? "breached" : stop !== null ? "met" : state.paused ? "paused" : "running";
  return {
    due: formatIso(deadline, zone),
    state: status,
    elapsed_seconds: seconds(elapsed),
    remaining_seconds: seconds(wanted - elapsed),
    target_seconds: seconds(wanted),
    warnings: shares.map((p) => ({ percent: p, at: formatIso(reach(Math.floor((wanted * p) / 100)), zone) })),
  };
}

function ticketState(report, priority, events, now) {
  const known = events.filter((e) => e.at <= now);
  const pauses = [];
  let pausedAt = null;
  for (const e of known) {
    if (e.kind === "pause" && pausedAt === null) pausedAt = e.at;
    else if (e.kind === "resume" && pausedAt !== null) {
      if (e.at > pausedAt) pauses.push([pausedAt, e.at]);
      pausedAt = null;
    }
  }
  if (pausedAt !== null && now > pausedAt) pauses.push([pausedAt, now]);
  const first = (kind) => known.find((e) => e.kind === kind)?.at ?? null;
  return {
    report, now, events: known, paused: pausedAt !== null, first, resolved: first("resolved"),
    priorityAt: (moment) => {
      let found = priority;
      for (const e of known) if (e.kind === "priority" && e.at <= moment) found = e.priority;
      return found;
    },
    pausesWithin: (start, stop) => {
      const end = stop === null ? now : stop;
      return pauses.map(([a, b]) => [Math.max(a, start), Math.min(b, end)]).filter(([a, b]) => a < b);
    },
  };
}

// Format, plan, priority and kind of case, in findTarget's order and words, before any metric.
function checkQuestion(rules, plan, priority, kase) {
  checkFormat(rules);
  const { vendorId, vendor, found, levels } = checkPlan(rules, plan, priority, kase);
  return { vendorId, vendor, found, levels };
}

// An obligation the ticket clock follows: after so much work, or (format 1.5) again after every so much work.
const isTimed = (ob) => (ob.after_minutes !== null && ob.after_minutes !== undefined) || (ob.every_minutes !== null && ob.every_minutes !== undefined);

// An error that refuses the whole ticket question; any other is one metric's ("none", with its reason).
// A document that does not follow the format refuses the ticket as Python's does, whichever metric found it.
const refusesQuestion = (error) => error.field === "tz" || error.code === "format" || error instanceof TypeError || error instanceof RangeError
  || / lies outside | falls after /.test(error.message);

const earliest = (a, b) => (a === null ? b : b === null ? a : Math.min(a, b));

/** A ticket's clock at `now` (docs/rules.md §11): per metric its deadline, elapsed and remaining business time, state and warnings. */
export const ticket = reading((rules, { plan, priority = null, at, now, events = [], tz = null, case: kase = null, country = null, warnings = null } = {}) => {
  namesAreTexts({ plan, priority, tz, case: kase, country });
  if (priority === "" || priority === undefined) priority = null;
  if (tz === "" || tz === undefined) tz = null;
  if (kase === "" || kase === undefined) kase = null;
  if (country === "" || country === undefined) country = null;
  const moment = parseMoment(at);
  let until;
  try {
    until = parseMoment(now ?? null);
  } catch (error) {
    throw fail(`'now': ${error.message}`, "now");
  }
  // The rules' own list of zone names, as a deadline question checks it (§5 "Inputs"): the runtime's Intl
  // data would take 'europe/stockholm' or 'posix/Europe/Stockholm', which Python refuses.
  if (tz !== null) checkZoneName(rules, tz, "the customer's zone", "tz");
  const shares = readShares(warnings);
  const { vendorId, vendor, found: plain, levels } = checkQuestion(rules, plan, priority, kase);
  rules.metrics.forEach((metric, i) => {
    // The clock must know what event meets each metric, or it would measure it wrongly (as Python refuses it).
    if (!Object.prototype.hasOwnProperty.call(MET_BY, metric)) throw notTheFormat(`metrics[${i}] is '${cut(metric)}', not a metric this ticket clock knows`);
  });
  const state = ticketState(moment.ms, priority, readEvents(events, moment.ms, levels, plain), until.ms);
  // Both moments with seconds, each in its own offset (Z as +00:00), as Python writes them (§11.6), not as given.
  if (until.ms < moment.ms) throw fail(`'now' (${formatIso(until.ms, until.offset)}) is before the report (${formatIso(moment.ms, moment.offset)})`, "now");
  const one = (metric, start, stop, wanted) => {
    const level = state.priorityAt(stop === null ? until.ms : stop);
    const { target, t, zone } = resolveClock(rules, plan, level, metric, kase, tz, country, moment);
    const answer = measure(rules, t, zone, target, start, stop, state, wanted);
    answer.priority = level;
    return answer;
  };
  const metrics = {};
  const refused = [];
  for (const metric of rules.metrics) {
    try {
      if (metric === "status-update") {
        // Updates at or after the resolution are ignored: a resolved ticket's clocks have stopped.
        const done = state.resolved;
        const starts = [moment.ms, ...state.events.filter((e) => e.kind === "updated" && (done === null || e.at < done)).map((e) => e.at)];
        let missed = 0;
        for (let k = 0; k + 1 < starts.length; k++) {
          let done;
          try {
            done = one(metric, starts[k], starts[k + 1], []);
          } catch (error) {
            if (refusesQuestion(error)) throw error;
            continue; // no deadline for the priority in force when it ended: neither met nor missed
          }
          missed += done.state === "breached";
        }
        metrics[metric] = { ...one(metric, starts[starts.length - 1], state.resolved, shares), missed };
      } else {
        metrics[metric] = one(metric, moment.ms, earliest(state.first(MET_BY[metric]), state.resolved), shares);
      }
    } catch (error) {
      if (refusesQuestion(error)) throw error;
      refused.push(error);
      metrics[metric] = { state: "none", reason: error.message };
    }
  }
  // Refused only when there were metrics and none could be measured: a document listing none (the schema allows
  // it) gave Python an IndexError and this `throw undefined` (fuzz14).
  if (refused.length && refused.length === rules.metrics.length) throw refused[0];
  const obligations = {};
  for (const ob of plain.obligations || []) {
    if (!isTimed(ob)) continue;
    const every = ob.every_minutes ?? null;
    const done = state.events.find((e) => e.kind === "obligation" && e.obligation === ob.id)?.at ?? null;
    // A recurring one (format 1.5, every_minutes) runs until the resolution: its events only restart it.
    const stop = every !== null ? state.resolved : earliest(done, state.resolved);
    // Format 1.5: an obligation for some priorities only, by the priority in force at its stop (or now), as a metric's.
    const levels = ob.priorities ?? null;
    if (levels !== null && !levels.includes(state.priorityAt(stop === null ? until.ms : stop))) continue;
    const started = state.first("responded");
    if (started === null) {
      obligations[ob.id] = { state: "waiting", due: null };
      continue;
    }
    const calendar = own(vendor.calendars, ob.calendar);
    if (calendar.zone === null && tz === null && !calendar.always_open) {
      obligations[ob.id] = { state: "none", reason: `calendar '${ob.calendar}' runs in the customer's own time zone; give the zone` };
      continue;
    }
    let clock;
    try {
      clock = calendarClock(rules, vendorId, vendor, ob.calendar, tz, country, moment);
    } catch (error) {
      // As a metric's (§11.3): without the customer's country, or one the rules do not carry, the obligation has no
      // time and says why; refusing the ticket would break it at its first response.
      if (!/ closes on the customer's public holidays/.test(error.message)) throw error;
      obligations[ob.id] = { state: "none", reason: error.message };
      continue;
    }
    const { t, zone } = clock;
    if (every === null) {
      obligations[ob.id] = measure(rules, t, zone, { minutes: ob.after_minutes }, started, stop, state, shares);
      continue;
    }
    // As status updates: each of its events ends one interval and starts the next.
    const resolved = state.resolved;
    const starts = [started, ...state.events.filter((e) => e.kind === "obligation" && e.obligation === ob.id && e.at >= started
      && (resolved === null || e.at < resolved)).map((e) => e.at)];
    let missed = 0;
    for (let k = 0; k + 1 < starts.length; k++) missed += measure(rules, t, zone, { minutes: every }, starts[k], starts[k + 1], state, []).state === "breached";
    obligations[ob.id] = { ...measure(rules, t, zone, { minutes: every }, starts[starts.length - 1], resolved, state, shares), missed };
  }
  return { metrics, obligations };
});
