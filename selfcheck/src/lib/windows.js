/*
 * Time windows of requirements: is a dated piece of evidence inside its requirement's window on a
 * planned application date, and from which day is it outside? Pure, no DOM, dates as YYYY-MM-DD
 * calendar days (no time zones: a day is a day wherever the city is).
 *
 * A window is the structured field of a requirement in the criteria YAML:
 *   { anchor: "past" | "next" | "most-recent", months, from_months, or_current_administration, wording }
 *
 * Day rules (documented here once, the tests hold them):
 * - "N months before" a day is the same day of the month N calendar months earlier, or that
 *   month's last day when it is shorter: 12 months before 2027-03-31 is 2026-03-31, one month
 *   before 2027-03-31 is 2027-02-28, 12 months before 2028-02-29 is 2027-02-28.
 * - "past", N months: on application day A the window starts N months before A (that day is
 *   inside) and ends on A. Evidence dated E is inside when start(A) <= E <= A. The first day
 *   outside is the first day A after E whose window starts after E; because of month ends this is
 *   not always E + N months + 1 day (evidence of 2024-02-29 with 12 months is inside up to
 *   2025-02-28 and outside from 2025-03-01).
 * - "past" with or_current_administration: evidence dated on or after the administration's start
 *   (a date the city gives) is also inside, and stays inside while that administration lasts, so
 *   it has no first day outside. Without the start date only the months count.
 * - "next": the window applies to what the evidence lists (the 6-12 months ahead of it), not to
 *   the evidence's own date, so the date decides nothing here.
 * - "most-recent": the latest instance counts, whatever its age; a newer instance replaces it.
 *
 * checkWindow() never throws; a refusal says why: malformed-date, malformed-window,
 * application-in-past, future-evidence, administration-in-future, before-window.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ANCHORS = ["past", "next", "most-recent"];

/**
 * @typedef {{y: number, m: number, d: number}} Day  a calendar day, m from 1 to 12
 * @typedef {{anchor: string, months?: number, from_months?: number, or_current_administration?: boolean,
 *   wording?: string}} Window
 */

function isLeap(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** @param {number} year @param {number} month 1-12 */
function daysInMonth(year, month) {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * A YYYY-MM-DD text as a day, or null when it is not a real calendar day (2026-02-30, 2026-13-01).
 * @param {unknown} text
 * @returns {Day | null}
 */
function parseDay(text) {
  const match = typeof text === "string" ? DATE.exec(text) : null;
  if (!match) {
    return null;
  }
  const day = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  if (day.y < 1 || day.m < 1 || day.m > 12 || day.d < 1 || day.d > daysInMonth(day.y, day.m)) {
    return null;
  }
  return day;
}

/** @param {Day} day */
function formatDay(day) {
  return `${String(day.y).padStart(4, "0")}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`;
}

/** -1, 0 or 1 as a is before, on or after b. @param {Day} a @param {Day} b */
function compareDays(a, b) {
  return Math.sign(a.y - b.y || a.m - b.m || a.d - b.d);
}

/**
 * The day `months` calendar months after `day` (before it when negative), clamped to the month's end.
 * @param {Day} day @param {number} months
 * @returns {Day}
 */
function addMonths(day, months) {
  const index = day.y * 12 + (day.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return { y: y, m: m, d: Math.min(day.d, daysInMonth(y, m)) };
}

/** @param {Day} day @param {number} days */
function addDays(day, days) {
  const time = Date.UTC(day.y, day.m - 1, day.d) + days * 86400000;
  const date = new Date(time);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** The first day of the window of `months` months that ends on `application`. @param {Day} application */
function windowStart(application, months) {
  return addMonths(application, -months);
}

/** The first day A after `evidence` whose window of `months` months starts after `evidence`. */
function firstDayOutside(evidence, months) {
  // windowStart() never decreases as A grows, and it passes E within a few days of E + N months.
  let day = addMonths(evidence, months);
  while (compareDays(windowStart(day, months), evidence) <= 0) {
    day = addDays(day, 1);
  }
  return day;
}

function isWholeNumber(value, min) {
  return typeof value === "number" && Number.isInteger(value) && value >= min;
}

/** What is wrong with a window ("" when nothing is). @param {unknown} window */
function windowProblem(window) {
  if (window === null || typeof window !== "object" || Array.isArray(window)) {
    return "a window must be an object";
  }
  const value = /** @type {Window} */ (window);
  if (ANCHORS.indexOf(value.anchor) === -1) {
    return `anchor must be one of ${ANCHORS.join(", ")}`;
  }
  if (value.anchor === "past" && !isWholeNumber(value.months, 1)) {
    return "a past window needs months, a whole number from 1";
  }
  if (value.months !== undefined && !isWholeNumber(value.months, 1)) {
    return "months must be a whole number from 1";
  }
  if (value.from_months !== undefined) {
    if (!isWholeNumber(value.from_months, 0) || (value.months !== undefined && value.from_months > value.months)) {
      return "from_months must be a whole number from 0, not above months";
    }
  }
  if (value.or_current_administration !== undefined && typeof value.or_current_administration !== "boolean") {
    return "or_current_administration must be true or false";
  }
  return "";
}

function refuse(code, detail) {
  return { ok: false, error: { code: code, detail: detail } };
}

/**
 * Is evidence dated `input.evidence` inside `input.window` on `input.application`?
 *
 * input: { window, evidence, application, today, administration? } (dates as YYYY-MM-DD; today is
 * the caller's today, so the function stays pure). Returns
 *   { ok: true, inside, firstOutside: day or null, start: the window's first day on the
 *     application date or null, basis: "months" | "administration" | "listed-items" | "most-recent",
 *     administration: "given" | "not-given" | "not-asked" }
 * or { ok: false, error: { code, detail } }.
 * @param {{window: unknown, evidence: unknown, application: unknown, today: unknown, administration?: unknown}} input
 */
function checkWindow(input) {
  const problem = windowProblem(input.window);
  if (problem) {
    return refuse("malformed-window", problem);
  }
  const window = /** @type {Window} */ (input.window);
  const days = {};
  const fields = ["evidence", "application", "today"];
  if (input.administration !== undefined && input.administration !== "") {
    fields.push("administration");
  }
  for (const field of fields) {
    days[field] = parseDay(input[field]);
    if (!days[field]) {
      return refuse("malformed-date", field);
    }
  }
  if (compareDays(days.application, days.today) < 0) {
    return refuse("application-in-past", formatDay(days.application));
  }
  if (window.anchor === "next") {
    return {
      ok: true,
      inside: true,
      firstOutside: null,
      start: null,
      basis: "listed-items",
      administration: "not-asked",
    };
  }
  if (window.anchor === "most-recent") {
    return {
      ok: true,
      inside: true,
      firstOutside: null,
      start: null,
      basis: "most-recent",
      administration: "not-asked",
    };
  }
  return checkPast(window, days);
}

function checkPast(window, days) {
  if (compareDays(days.evidence, days.today) > 0) {
    return refuse("future-evidence", formatDay(days.evidence));
  }
  const asked = Boolean(window.or_current_administration);
  const administration = asked && days.administration ? days.administration : null;
  if (administration && compareDays(administration, days.today) > 0) {
    return refuse("administration-in-future", formatDay(administration));
  }
  if (administration && compareDays(days.evidence, administration) >= 0) {
    return {
      ok: true,
      inside: true,
      firstOutside: null,
      start: formatDay(administration),
      basis: "administration",
      administration: "given",
    };
  }
  if (compareDays(days.evidence, windowStart(days.today, window.months)) < 0) {
    // Already outside today: no application from today on can count it.
    return refuse("before-window", formatDay(windowStart(days.today, window.months)));
  }
  const outside = firstDayOutside(days.evidence, window.months);
  return {
    ok: true,
    inside: compareDays(days.application, outside) < 0,
    firstOutside: formatDay(outside),
    start: formatDay(windowStart(days.application, window.months)),
    basis: "months",
    administration: asked ? (administration ? "given" : "not-given") : "not-asked",
  };
}

/**
 * When a criterion's evidence stops counting: the earliest first day outside among its dated items
 * (each {window, evidence}), for lib/roadmap.js's `expires`. Items whose window has no end (next,
 * most-recent, the current administration) do not bound it. Returns {ok: true, expires: day or null}
 * or the first item's refusal, with its index.
 * @param {{window: unknown, evidence: unknown}[]} items
 * @param {{application: string, today: string, administration?: string}} dates
 */
function criterionExpiry(items, dates) {
  let earliest = null;
  for (let index = 0; index < items.length; index += 1) {
    const outcome = checkWindow(
      Object.assign({}, dates, { window: items[index].window, evidence: items[index].evidence }),
    );
    if (!outcome.ok) {
      return Object.assign({ index: index }, outcome);
    }
    const day = outcome.firstOutside ? parseDay(outcome.firstOutside) : null;
    if (day && (earliest === null || compareDays(day, earliest) < 0)) {
      earliest = day;
    }
  }
  return { ok: true, expires: earliest ? formatDay(earliest) : null };
}

export {
  checkWindow,
  criterionExpiry,
  windowProblem,
  parseDay,
  formatDay,
  compareDays,
  addMonths,
  addDays,
  firstDayOutside,
};
