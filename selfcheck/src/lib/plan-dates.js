/*
 * An assessment's plan to an application date: the dates typed on evidence checked against each
 * item's time window (lib/windows.js), and the roadmap they feed (lib/roadmap.js). Pure, no DOM.
 *
 * Where the dates live: each evidence entry's `dates` (item id -> YYYY-MM-DD, the date of what the
 * item documents), and the assessment's `application` (the planned application date) and
 * `administration` (the start of the current administration). The windows come from the page's
 * payload: each criterion's `windows` (item id -> window, the item's own or its criterion's).
 * Only ticked items count: a date on an item that is not ticked documents nothing yet.
 */
import { hasOwn, own } from "./keys.js";
import { roadmap, statusesOf } from "./roadmap.js";
import { checkWindow, compareDays, firstDayOutside, formatDay, parseDay } from "./windows.js";

function pad(number) {
  return String(number).padStart(2, "0");
}

/** The day of `now` in the user's own time zone, YYYY-MM-DD. @param {Date} now */
function localDay(now) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date as the assessment stores it, or "" when it is not a real calendar day. @param {unknown} value */
function storedDay(value) {
  return parseDay(value) ? /** @type {string} */ (value) : "";
}

/**
 * May `date` be saved as the date of evidence for an item with `window`, on `today`? Empty clears it.
 * Returns {ok: true} or {ok: false, code: "malformed" | "future" | "before-window", start?}.
 * @param {any} window @param {string} date @param {string} today @param {string} [administration]
 */
function checkEvidenceDate(window, date, today, administration) {
  if (date === "") {
    return { ok: true };
  }
  const outcome = checkWindow({
    window,
    evidence: date,
    application: today,
    today,
    administration: storedDay(administration),
  });
  if (outcome.ok) {
    return { ok: true };
  }
  const error = outcome.error;
  if (error.code === "future-evidence") {
    return { ok: false, code: "future" };
  }
  if (error.code === "before-window") {
    return { ok: false, code: "before-window", start: error.detail };
  }
  return { ok: false, code: "malformed" };
}

/**
 * Is `date` refused as the planned application date on `today`? "" when it may be saved.
 * @param {string} date @param {string} today
 * @returns {"" | "malformed" | "in-past"}
 */
function applicationProblem(date, today) {
  if (date === "") {
    return "";
  }
  const day = parseDay(date);
  if (!day) {
    return "malformed";
  }
  return compareDays(day, /** @type {any} */ (parseDay(today))) < 0 ? "in-past" : "";
}

/**
 * Is `date` refused as the administration's start on `today`? "" when it may be saved.
 * @param {string} date @param {string} today
 * @returns {"" | "malformed" | "in-future"}
 */
function administrationProblem(date, today) {
  if (date === "") {
    return "";
  }
  const day = parseDay(date);
  if (!day) {
    return "malformed";
  }
  return compareDays(day, /** @type {any} */ (parseDay(today))) > 0 ? "in-future" : "";
}

/**
 * Each criterion of the edition that has windowed items, with its windows (item id -> window).
 * @param {any} edition
 * @returns {{id: string, windows: Record<string, any>}[]}
 */
function windowedCriteria(edition) {
  const list = [];
  edition.groups.forEach((/** @type {any} */ group) => {
    group.criteria.forEach((/** @type {any} */ criterion) => {
      if (criterion.windows && Object.keys(criterion.windows).length) {
        list.push({ id: criterion.id, windows: criterion.windows });
      }
    });
  });
  return list;
}

/**
 * One dated item on the application date (or today without one): {inside, firstOutside}. A stored
 * date already outside its window today (time passed since it was typed) is outside from the day
 * lib/windows.js gives, and never inside again.
 */
function standing(window, date, application, today, administration) {
  const outcome = checkWindow({ window, evidence: date, application, today, administration });
  if (outcome.ok) {
    return { inside: outcome.inside, firstOutside: outcome.firstOutside };
  }
  if (outcome.error.code === "before-window") {
    return { inside: false, firstOutside: formatDay(firstDayOutside(parseDay(date), window.months)) };
  }
  return null;
}

/**
 * Every ticked item with a window and a date, as it stands on the application date: {criterion,
 * item, date, inside, firstOutside (YYYY-MM-DD or null: the window does not end)}. Sorted by the day
 * they stop counting, then by criterion and item.
 * @param {any} edition
 * @param {Record<string, any>} evidence
 * @param {{today: string, application?: string, administration?: string}} dates
 */
function datedItems(edition, evidence, dates) {
  const application = storedDay(dates.application) || dates.today;
  const administration = storedDay(dates.administration);
  const items = [];
  windowedCriteria(edition).forEach((criterion) => {
    const entry = own(evidence || {}, criterion.id);
    if (!entry || typeof entry !== "object" || !entry.dates || typeof entry.dates !== "object") {
      return;
    }
    const ticked = Array.isArray(entry.items) ? entry.items : [];
    Object.keys(criterion.windows).forEach((item) => {
      const date = hasOwn(entry.dates, item) ? entry.dates[item] : "";
      if (ticked.indexOf(item) === -1 || !parseDay(date)) {
        return;
      }
      const found = standing(criterion.windows[item], date, application, dates.today, administration);
      if (found) {
        items.push({ criterion: criterion.id, item, date, inside: found.inside, firstOutside: found.firstOutside });
      }
    });
  });
  return items.sort(
    (a, b) =>
      (a.firstOutside || "9999").localeCompare(b.firstOutside || "9999") ||
      a.criterion.localeCompare(b.criterion) ||
      a.item.localeCompare(b.item),
  );
}

/**
 * Criterion id -> the first day its evidence stops counting (the earliest among its dated items).
 * @param {{criterion: string, firstOutside: string | null}[]} items
 */
function expiriesOf(items) {
  /** @type {Record<string, string>} */
  const expiries = {};
  items.forEach((entry) => {
    if (entry.firstOutside && (!hasOwn(expiries, entry.criterion) || entry.firstOutside < expiries[entry.criterion])) {
      expiries[entry.criterion] = entry.firstOutside;
    }
  });
  return expiries;
}

/**
 * The dates of an imported or linked assessment's evidence that a date field would refuse today (in
 * the future, or before their window can start), as [{criterion, item, date, code}]: kept as they are,
 * so nothing is lost, and named to the user.
 * @param {any} edition
 * @param {Record<string, any>} evidence
 * @param {string} today
 * @param {string} [administration]
 */
function questionableDates(edition, evidence, today, administration) {
  const found = [];
  windowedCriteria(edition).forEach((criterion) => {
    const entry = own(evidence || {}, criterion.id);
    const dates =
      entry && typeof entry === "object" && entry.dates && typeof entry.dates === "object" ? entry.dates : {};
    Object.keys(criterion.windows).forEach((item) => {
      if (!hasOwn(dates, item)) {
        return;
      }
      const checked = checkEvidenceDate(criterion.windows[item], dates[item], today, administration);
      if (!checked.ok) {
        found.push({ criterion: criterion.id, item, date: dates[item], code: checked.code });
      }
    });
  });
  return found;
}

/**
 * The plan of an assessment on `today`: its application date (or ""), its dated items, those
 * outside their window on the application date, and the roadmap (null without an application date).
 * @param {any} edition
 * @param {any} assessment
 * @param {string} today YYYY-MM-DD
 */
function planOf(edition, assessment, today) {
  const application = storedDay(assessment.application);
  const administration = storedDay(assessment.administration);
  const evidence = assessment.evidence || {};
  const items = datedItems(edition, evidence, { today, application, administration });
  const usable = application && !applicationProblem(application, today);
  return {
    application: usable ? application : "",
    administration,
    items,
    outside: usable ? items.filter((entry) => !entry.inside) : [],
    roadmap: usable
      ? roadmap(edition, statusesOf(edition, assessment.answers || {}, evidence, expiriesOf(items)), today, application)
      : null,
  };
}

export {
  localDay,
  questionableDates,
  checkEvidenceDate,
  applicationProblem,
  administrationProblem,
  datedItems,
  expiriesOf,
  planOf,
};
