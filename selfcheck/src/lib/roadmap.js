/*
 * A roadmap to an application date: the evidence-backed share day by day from today to the
 * planned application, as a step series, with the tier it reaches. Pure, no DOM; every share is
 * compared with the tiers by lib/scoring.js (integer arithmetic), never by floating point.
 *
 * Each criterion's status (criterion id -> { done, due, expires }):
 * - done: evidence-backed now (lib/readiness.js evidenceResult decides this);
 * - due: for an open criterion, the day its evidence is planned to be complete (YYYY-MM-DD);
 * - expires: the first day its evidence is outside its window (lib/windows.js firstDayOutside).
 * A criterion counts on day t when (done, or due on or before t) and not (expires on or before t).
 * An open criterion with no due date never counts; one whose due date is before today is overdue:
 * it is listed, and counted from no day (the plan has no date for it any more).
 * Criteria the edition does not have are ignored and returned as `unknown`.
 */
import { hasOwn } from "./keys.js";
import * as readiness from "./readiness.js";
import * as scoring from "./scoring.js";
import { compareDays, formatDay, parseDay } from "./windows.js";

/**
 * @typedef {{done?: boolean, due?: string, expires?: string | null}} Status
 * @typedef {{date: string, met: number, done: number, planned: number, expired: number, percent: string,
 *   tier: string | null}} Step
 */

function refuse(code, detail) {
  return { ok: false, error: { code: code, detail: detail } };
}

function editionIds(edition) {
  const ids = [];
  edition.groups.forEach((group) => {
    group.criteria.forEach((criterion) => {
      ids.push(criterion.id);
    });
  });
  return ids;
}

/* Each criterion as {id, done, due, expires} with parsed days, or a refusal naming the bad field. */
function readStatuses(ids, statuses) {
  const list = [];
  for (const id of ids) {
    const status = hasOwn(statuses, id) ? statuses[id] || {} : {};
    const entry = { id: id, done: status.done === true, due: null, expires: null };
    for (const field of ["due", "expires"]) {
      const value = status[field];
      if (value === undefined || value === null || value === "") {
        continue;
      }
      entry[field] = parseDay(value);
      if (!entry[field]) {
        return { error: refuse("malformed-date", `${id}.${field}`) };
      }
    }
    list.push(entry);
  }
  return { list: list };
}

function isOverdue(entry, today) {
  return !entry.done && entry.due !== null && compareDays(entry.due, today) < 0;
}

/* How entry stands on `day`: "done", "planned", "expired" or "open". */
function standing(entry, day, today) {
  const counted = entry.done || (entry.due !== null && !isOverdue(entry, today) && compareDays(entry.due, day) <= 0);
  if (!counted) {
    return "open";
  }
  if (entry.expires !== null && compareDays(entry.expires, day) <= 0) {
    return "expired";
  }
  return entry.done ? "done" : "planned";
}

/* The days the share can change: today, and every due or expiry day after it up to the application. */
function changeDays(list, today, application) {
  const days = new Map([[formatDay(today), today]]);
  list.forEach((entry) => {
    [entry.due, entry.expires].forEach((day) => {
      if (day && compareDays(day, today) > 0 && compareDays(day, application) <= 0) {
        days.set(formatDay(day), day);
      }
    });
  });
  return Array.from(days.values()).sort(compareDays);
}

function stepOn(edition, list, day, today, total) {
  const counts = { done: 0, planned: 0, expired: 0, open: 0 };
  list.forEach((entry) => {
    counts[standing(entry, day, today)] += 1;
  });
  const met = counts.done + counts.planned;
  const tier = scoring.tierFor(met, total, edition.tiers);
  return {
    date: formatDay(day),
    met: met,
    done: counts.done,
    planned: counts.planned,
    expired: counts.expired,
    percent: scoring.roundedPercent(met, total, edition.display.overall_decimals),
    tier: tier ? tier.id : null,
  };
}

/* Steps where nothing changed are dropped: the series holds only days where a count moved. */
function withoutRepeats(steps) {
  return steps.filter(
    (step, index) =>
      index === 0 || ["met", "done", "planned", "expired"].some((key) => step[key] !== steps[index - 1][key]),
  );
}

/* The first step at which each tier above today's is reached (null when the plan never reaches it). */
function firstReached(edition, steps, total) {
  const start = steps[0];
  return edition.tiers
    .filter((tier) => !scoring.reaches(start.met, total, tier.min_percent))
    .sort((a, b) => a.min_percent - b.min_percent)
    .map((tier) => {
      const step = steps.find((candidate) => scoring.reaches(candidate.met, total, tier.min_percent));
      return { tier: tier.id, date: step ? step.date : null };
    });
}

/**
 * The roadmap of `edition` from `today` to `application` (YYYY-MM-DD) given each criterion's status.
 * Returns { ok: true, total, steps: Step[] (first is today, last is the last change on or before the
 * application date), onApplication: Step (the standing on the application date), tierOnApplication,
 * firstReached: [{tier, date|null}] for each tier above today's, lowest first, overdue: [{id, due}],
 * unknown: ids not in the edition } or { ok: false, error: { code, detail } } with code
 * malformed-date or application-in-past.
 * @param {any} edition @param {Record<string, Status>} statuses @param {string} today @param {string} application
 */
function roadmap(edition, statuses, today, application) {
  const todayDay = parseDay(today);
  if (!todayDay) {
    return refuse("malformed-date", "today");
  }
  const applicationDay = parseDay(application);
  if (!applicationDay) {
    return refuse("malformed-date", "application");
  }
  if (compareDays(applicationDay, todayDay) < 0) {
    return refuse("application-in-past", application);
  }
  const ids = editionIds(edition);
  const read = readStatuses(ids, statuses || {});
  if (read.error) {
    return read.error;
  }
  const list = read.list;
  const total = scoring.editionTotal(edition);
  const steps = withoutRepeats(
    changeDays(list, todayDay, applicationDay).map((day) => stepOn(edition, list, day, todayDay, total)),
  );
  const last = steps[steps.length - 1];
  const onApplication = Object.assign({}, last, { date: formatDay(applicationDay) });
  return {
    ok: true,
    total: total,
    steps: steps,
    onApplication: onApplication,
    tierOnApplication: onApplication.tier,
    firstReached: firstReached(edition, steps, total),
    overdue: list
      .filter((entry) => isOverdue(entry, todayDay))
      .map((entry) => ({ id: entry.id, due: formatDay(entry.due) })),
    unknown: Object.keys(statuses || {}).filter((id) => ids.indexOf(id) === -1),
  };
}

/**
 * The statuses roadmap() reads, from an assessment as the self-check keeps it: done when the answer
 * is met and backed by evidence (lib/readiness.js evidenceResult), due from the evidence entry's due
 * date for every other criterion, expires from `expiries` (criterion id -> day, e.g. from
 * lib/windows.js criterionExpiry) for done criteria.
 * @param {any} edition @param {Record<string, string>} answers @param {Record<string, any>} evidence
 * @param {Record<string, string | null>} [expiries]
 * @returns {Record<string, Status>}
 */
function statusesOf(edition, answers, evidence, expiries) {
  const metIds = scoring.metStates(edition);
  const flagged = new Set(readiness.evidenceResult(edition, answers, evidence).flags.map((flag) => flag.id));
  /** @type {Record<string, Status>} */
  const statuses = {};
  editionIds(edition).forEach((id) => {
    const done = hasOwn(answers, id) && metIds.indexOf(answers[id]) !== -1 && !flagged.has(id);
    const entry = evidence && hasOwn(evidence, id) ? evidence[id] : null;
    const due = !done && entry && typeof entry.due === "string" ? entry.due : "";
    const expires = done && expiries && hasOwn(expiries, id) ? expiries[id] : null;
    statuses[id] = { done: done, due: due, expires: expires };
  });
  return statuses;
}

export { roadmap, statusesOf };
