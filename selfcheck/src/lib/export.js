/*
 * The self-check's export file: build it, check an imported one, match its answers to an
 * edition. Pure functions, no DOM, so node --test can run them.
 *
 * checkShape() implements exactly macros/schemas/self-check-export.schema.json (the published
 * JSON Schema of the file); tests/test_scoring.py feeds both the same files and requires the
 * same verdict. parseExport() adds what a schema cannot say: the size limit, whether the text
 * is JSON at all, and which problem to report first (a foreign file is "not ours", not a list
 * of missing fields). The history's entries (version 3) are checked by lib/history-read.js, which
 * is stricter than the schema can say (clean names, values that fit their field).
 *
 */
import { BUDGET, emptyHistory } from "./history.js";
import { readHistory } from "./history-read.js";
import { hasOwn } from "./keys.js";
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CRITERION_ID = /^[A-Z]+[0-9]+$/;
const TOP_LEVEL = [
  "format",
  "version",
  "edition",
  "exported",
  "assessment",
  "answers",
  "evidence",
  "result",
  "history",
];
const REQUIRED = ["format", "version", "edition", "exported", "answers"];
const MAX_ANSWERS = 1000;
/* The limits of the JSON Schema (macros/schemas/self-check-export.schema.json). */
const LIMITS = { name: 200, city: 200, notes: 5000, owner: 200, link_text: 300, url: 2000, links: 20, items: 200 };
const DATE = /^(\d{4}-\d{2}-\d{2})?$/;
const HTTP_URL = /^[hH][tT][tT][pP][sS]?:\/\//;
const ENTRY_KEYS = ["items", "notes", "owner", "due", "dates", "links"];
/* The assessment's own dates: its report date, planned application date and administration start. */
const ASSESSMENT_DATES = ["date", "application", "administration"];
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isSlug(value, maxLength) {
  return typeof value === "string" && value.length <= maxLength && SLUG.test(value);
}

/* JSON Schema counts characters as code points, JavaScript's length counts UTF-16 units. */
function codePointLength(text) {
  return Array.from(text).length;
}

function isInteger(value) {
  return typeof value === "number" && Number.isInteger(value);
}

function pad(number) {
  return String(number).padStart(2, "0");
}

/* yyyy-mm-dd in the user's own time zone: the day they exported, as they see it. */
function localDate(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/* Lower-case ASCII words joined by hyphens ("Åre, Sweden" -> "are-sweden"), at most 60 characters. */
function slug(text) {
  return String(text || "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/* The one base name of an assessment's files, the same for the JSON export, the CSV and the printed
   report's title: prefix, city, assessment name and its report date (the day of `now` without one). */
function baseName(prefix, assessment, now) {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(assessment.date || "") ? assessment.date : localDate(now);
  return [prefix, slug(assessment.city), slug(assessment.name), date].filter(Boolean).join("-");
}

function sortedAnswers(answers) {
  const copy = {};
  Object.keys(answers)
    .sort()
    .forEach((id) => {
      copy[id] = answers[id];
    });
  return copy;
}

/* The dated items of an entry (item id -> YYYY-MM-DD), ids sorted, empty dates left out. */
function cleanDates(dates) {
  const copy = {};
  if (!isPlainObject(dates)) {
    return copy;
  }
  Object.keys(dates)
    .sort()
    .forEach((item) => {
      if (typeof dates[item] === "string" && FULL_DATE.test(dates[item])) {
        copy[item] = dates[item];
      }
    });
  return copy;
}

/* Only what the file format holds, entries with something in them, ids sorted. */
function cleanEvidence(evidence) {
  const copy = {};
  Object.keys(evidence || {})
    .sort()
    .forEach((id) => {
      const entry = evidence[id];
      if (!isPlainObject(entry)) {
        return;
      }
      const clean = {
        items: Array.isArray(entry.items) ? entry.items.filter((item) => typeof item === "string") : [],
        notes: typeof entry.notes === "string" ? entry.notes : "",
        owner: typeof entry.owner === "string" ? entry.owner : "",
        due: typeof entry.due === "string" ? entry.due : "",
        dates: cleanDates(entry.dates),
        links: Array.isArray(entry.links)
          ? entry.links
              .filter(isPlainObject)
              .map((link) => ({ text: String(link.text || ""), url: String(link.url || "") }))
          : [],
      };
      if (!Object.keys(clean.dates).length) {
        delete clean.dates;
      }
      if (clean.items.length || clean.notes || clean.owner || clean.due || clean.dates || clean.links.length) {
        copy[id] = clean;
      }
    });
  return copy;
}

/* Name, city and report date; the application and administration dates only when set. */
function assessmentFields(assessment) {
  const fields = { name: assessment.name || "", city: assessment.city || "", date: assessment.date || "" };
  ["application", "administration"].forEach((key) => {
    if (typeof assessment[key] === "string" && FULL_DATE.test(assessment[key])) {
      fields[key] = assessment[key];
    }
  });
  return fields;
}

/* The export file of an assessment ({ edition, name, city, date, answers, evidence }). */
function buildExport(settings, assessment, result, date) {
  return {
    format: settings.format,
    version: settings.version,
    exported: date.toISOString(),
    edition: assessment.edition,
    assessment: assessmentFields(assessment),
    answers: sortedAnswers(assessment.answers || {}),
    evidence: cleanEvidence(assessment.evidence),
    result: result,
    history: JSON.parse(JSON.stringify(assessment.history || emptyHistory())),
  };
}

function supportedVersions(settings) {
  return settings.import_versions || [settings.version];
}

function problem(code, path, detail) {
  return { code: code, path: path, detail: detail || "" };
}

/* " such as X" when the page gave an example (ids come from its edition's data), else "". */
function suchAs(example) {
  return example ? ` such as ${example}` : "";
}

/* The problems of an object keyed by criterion id (answers, evidence): its type, its size, its
   keys, and what checkValue(id) finds in each value. */
function checkCriterionKeys(object, path, entries, examples, checkValue) {
  if (!isPlainObject(object)) {
    return [problem("type", path, "an object")];
  }
  let problems = [];
  const ids = Object.keys(object);
  if (ids.length > MAX_ANSWERS) {
    problems.push(problem("too-many", path, `at most ${MAX_ANSWERS} ${entries}`));
  }
  ids.forEach((id) => {
    if (!CRITERION_ID.test(id) || codePointLength(id) > 40) {
      problems.push(
        problem("id", path, `criterion ids${suchAs(examples.criterion)}, not ${JSON.stringify(id.slice(0, 40))}`),
      );
    }
    problems = problems.concat(checkValue(id));
  });
  return problems;
}

function checkAnswers(answers, examples) {
  return checkCriterionKeys(answers, "answers", "answers", examples, (id) =>
    typeof answers[id] !== "string" || codePointLength(answers[id]) > 100 || !SLUG.test(answers[id])
      ? [problem("state", `answers.${id}`, `an answer id${suchAs(examples.state)}`)]
      : [],
  );
}

function checkResult(result) {
  if (!isPlainObject(result)) {
    return [problem("type", "result", "an object")];
  }
  const problems = [];
  ["met", "total"].forEach((key) => {
    if (hasOwn(result, key) && !(isInteger(result[key]) && result[key] >= 0)) {
      problems.push(problem("type", `result.${key}`, "a whole number"));
    }
  });
  if (hasOwn(result, "percent") && typeof result.percent !== "string") {
    problems.push(problem("type", "result.percent", "text"));
  }
  if (hasOwn(result, "tier") && result.tier !== null && typeof result.tier !== "string") {
    problems.push(problem("type", "result.tier", "text or null"));
  }
  return problems;
}

function isShortText(value, max) {
  return typeof value === "string" && codePointLength(value) <= max;
}

function checkAssessment(assessment) {
  if (!isPlainObject(assessment)) {
    return [problem("type", "assessment", "an object")];
  }
  const problems = [];
  Object.keys(assessment).forEach((key) => {
    if (["name", "city"].concat(ASSESSMENT_DATES).indexOf(key) === -1) {
      problems.push(problem("unexpected", `assessment.${key}`, "not part of the format"));
    }
  });
  ["name", "city"].forEach((key) => {
    if (hasOwn(assessment, key) && !isShortText(assessment[key], LIMITS[key])) {
      problems.push(problem("type", `assessment.${key}`, `text of at most ${LIMITS[key]} characters`));
    }
  });
  ASSESSMENT_DATES.forEach((key) => {
    if (hasOwn(assessment, key) && !(typeof assessment[key] === "string" && DATE.test(assessment[key]))) {
      problems.push(problem("type", `assessment.${key}`, "a date such as 2024-05-01, or empty"));
    }
  });
  return problems;
}

function checkLink(link, path) {
  if (!isPlainObject(link)) {
    return [problem("type", path, "an object with text and url")];
  }
  const problems = [];
  Object.keys(link).forEach((key) => {
    if (key !== "text" && key !== "url") {
      problems.push(problem("unexpected", `${path}.${key}`, "not part of the format"));
    }
  });
  if (!hasOwn(link, "url")) {
    problems.push(problem("missing", `${path}.url`, "required"));
  } else if (!(isShortText(link.url, LIMITS.url) && HTTP_URL.test(link.url))) {
    problems.push(problem("url", `${path}.url`, "an http or https address"));
  }
  if (hasOwn(link, "text") && !isShortText(link.text, LIMITS.link_text)) {
    problems.push(problem("type", `${path}.text`, `text of at most ${LIMITS.link_text} characters`));
  }
  return problems;
}

/* Dates of items: item id -> YYYY-MM-DD (whether each lies in its window is the page's to say). */
function checkDates(dates, path, examples) {
  if (!isPlainObject(dates) || Object.keys(dates).length > LIMITS.items) {
    return [problem("type", path, `item ids${suchAs(examples.item)} with their dates`)];
  }
  const problems = [];
  Object.keys(dates).forEach((item) => {
    if (!isSlug(item, 100)) {
      problems.push(problem("type", `${path}.${item}`, `an item id${suchAs(examples.item)}`));
    } else if (!(typeof dates[item] === "string" && FULL_DATE.test(dates[item]))) {
      problems.push(problem("type", `${path}.${item}`, "a date such as 2024-05-01"));
    }
  });
  return problems;
}

function checkEntry(entry, path, examples) {
  if (!isPlainObject(entry)) {
    return [problem("type", path, "an object")];
  }
  let problems = [];
  Object.keys(entry).forEach((key) => {
    if (ENTRY_KEYS.indexOf(key) === -1) {
      problems.push(problem("unexpected", `${path}.${key}`, "not part of the format"));
    }
  });
  if (hasOwn(entry, "items")) {
    if (
      !Array.isArray(entry.items) ||
      entry.items.length > LIMITS.items ||
      !entry.items.every((item) => isSlug(item, 100))
    ) {
      problems.push(problem("type", `${path}.items`, `a list of item ids${suchAs(examples.item)}`));
    }
  }
  ["notes", "owner"].forEach((key) => {
    if (hasOwn(entry, key) && !isShortText(entry[key], LIMITS[key])) {
      problems.push(problem("type", `${path}.${key}`, `text of at most ${LIMITS[key]} characters`));
    }
  });
  if (hasOwn(entry, "due") && !(typeof entry.due === "string" && DATE.test(entry.due))) {
    problems.push(problem("type", `${path}.due`, "a date such as 2024-05-01, or empty"));
  }
  if (hasOwn(entry, "dates")) {
    problems = problems.concat(checkDates(entry.dates, `${path}.dates`, examples));
  }
  if (hasOwn(entry, "links")) {
    if (!Array.isArray(entry.links) || entry.links.length > LIMITS.links) {
      problems.push(problem("type", `${path}.links`, `a list of at most ${LIMITS.links} links`));
    } else {
      entry.links.forEach((link, index) => {
        problems = problems.concat(checkLink(link, `${path}.links[${index}]`));
      });
    }
  }
  return problems;
}

function checkEvidence(evidence, examples) {
  return checkCriterionKeys(evidence, "evidence", "entries", examples, (id) =>
    checkEntry(evidence[id], `evidence.${id}`, examples),
  );
}

/* The history (lib/history-read.js checks every entry); a problem names the first bad one. */
function checkHistory(history) {
  const read = readHistory(history);
  if (read.ok !== false) {
    return [];
  }
  const detail =
    read.error.code === "too-many"
      ? `at most ${BUDGET.incoming} entries`
      : `a history of changes (${read.error.detail} is not valid)`;
  return [problem("type", "history", detail)];
}

/**
 * The history an imported file carries, rebuilt (ids recomputed), or undefined. Call after
 * parseExport accepted the file.
 * @param {any} data
 */
function importedHistory(data) {
  if (!hasOwn(data, "history")) {
    return undefined;
  }
  const read = readHistory(data.history);
  return read.ok ? read.history : undefined;
}

/* Every way `data` breaks the JSON Schema of the export file; none means it is valid. */
function checkShape(data, settings) {
  if (!isPlainObject(data)) {
    return [problem("type", "", "an object")];
  }
  // settings.examples: ids from the page's edition, so the messages need not name any standard.
  const examples = settings.examples || {};
  let problems = [];
  REQUIRED.forEach((key) => {
    if (!hasOwn(data, key)) {
      problems.push(problem("missing", key, "required"));
    }
  });
  Object.keys(data).forEach((key) => {
    if (TOP_LEVEL.indexOf(key) === -1) {
      problems.push(problem("unexpected", key, "not part of the format"));
    }
  });
  if (hasOwn(data, "format") && data.format !== settings.format) {
    problems.push(problem("format", "format", JSON.stringify(settings.format)));
  }
  if (
    hasOwn(data, "version") &&
    !(isInteger(data.version) && supportedVersions(settings).indexOf(data.version) !== -1)
  ) {
    problems.push(problem("version", "version", supportedVersions(settings).join(" or ")));
  }
  if (hasOwn(data, "edition") && !isSlug(data.edition, 100)) {
    problems.push(problem("type", "edition", `an edition id${suchAs(examples.edition)}`));
  }
  if (hasOwn(data, "exported") && !(typeof data.exported === "string" && codePointLength(data.exported) <= 100)) {
    problems.push(problem("type", "exported", "a date and time"));
  }
  if (hasOwn(data, "answers")) {
    problems = problems.concat(checkAnswers(data.answers, examples));
  }
  if (hasOwn(data, "assessment")) {
    problems = problems.concat(checkAssessment(data.assessment));
  }
  if (hasOwn(data, "evidence")) {
    problems = problems.concat(checkEvidence(data.evidence, examples));
  }
  if (hasOwn(data, "result")) {
    problems = problems.concat(checkResult(data.result));
  }
  if (hasOwn(data, "history")) {
    problems = problems.concat(checkHistory(data.history));
  }
  return problems;
}

function refuse(code, details) {
  return { ok: false, error: { code: code, details: details || {} } };
}

function describeProblems(problems) {
  return (
    problems
      .slice(0, 3)
      .map((item) => `${item.path || "the file"}: ${item.detail}`)
      .join("; ") + (problems.length > 3 ? `; and ${problems.length - 3} more` : "")
  );
}

/* Read an imported file's text. `byteLength` is the file's size as the browser reports it.
   Returns {ok: true, data} or {ok: false, error: {code, details}}, the code naming what is
   wrong: too-large, not-json, foreign, newer-version, unsupported-version, invalid,
   unknown-edition. */
function parseExport(text, byteLength, settings, editionIds) {
  if (byteLength > settings.max_bytes) {
    return refuse("too-large", { size: byteLength, max: settings.max_bytes });
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (_error) {
    return refuse("not-json");
  }
  if (!isPlainObject(data) || data.format !== settings.format) {
    return refuse("foreign");
  }
  if (!(isInteger(data.version) && supportedVersions(settings).indexOf(data.version) !== -1)) {
    const newer = isInteger(data.version) && data.version > settings.version;
    return refuse(newer ? "newer-version" : "unsupported-version", {
      version: JSON.stringify(data.version === undefined ? null : data.version),
      supported: settings.version,
    });
  }
  const problems = checkShape(data, settings);
  if (problems.length) {
    return refuse("invalid", { problems: describeProblems(problems), list: problems });
  }
  if (editionIds.indexOf(data.edition) === -1) {
    return refuse("unknown-edition", { edition: data.edition });
  }
  return { ok: true, data: data };
}

function editionCriterionIds(edition) {
  const ids = [];
  edition.groups.forEach((group) => {
    group.criteria.forEach((criterion) => {
      ids.push(criterion.id);
    });
  });
  return ids;
}

/* Split answers into those the edition knows (criterion id and answer state both exist) and
   the rest, each with the reason it does not match, in the order the file gives them. */
function matchAnswers(edition, answers) {
  const ids = editionCriterionIds(edition);
  const states = edition.answer_states.map((state) => state.id);
  const known = {};
  const unmatched = [];
  Object.keys(answers).forEach((id) => {
    const state = answers[id];
    if (ids.indexOf(id) === -1) {
      unmatched.push({ id: id, state: String(state), reason: "unknown-id" });
    } else if (states.indexOf(state) === -1) {
      unmatched.push({ id: id, state: String(state), reason: "unknown-state" });
    } else {
      known[id] = state;
    }
  });
  return { answers: known, unmatched: unmatched };
}

function criterionItems(edition) {
  const items = {};
  edition.groups.forEach((group) => {
    group.criteria.forEach((criterion) => {
      items[criterion.id] = (criterion.requirements || []).concat(criterion.documentation || []);
    });
  });
  return items;
}

/* The evidence entries the edition knows: entries of unknown criteria are dropped, and so are
   ticks of items the criterion does not have; `dropped` counts both. */
function matchEvidence(edition, evidence) {
  const items = criterionItems(edition);
  const kept = {};
  let dropped = 0;
  const clean = cleanEvidence(evidence);
  Object.keys(clean).forEach((id) => {
    if (!hasOwn(items, id)) {
      dropped += 1;
      return;
    }
    const entry = clean[id];
    const known = entry.items.filter((item) => items[id].indexOf(item) !== -1);
    dropped += entry.items.length - known.length;
    entry.items = known;
    Object.keys(entry.dates || {}).forEach((item) => {
      if (items[id].indexOf(item) === -1) {
        delete entry.dates[item];
        dropped += 1;
      }
    });
    kept[id] = entry;
  });
  return { evidence: kept, dropped: dropped };
}

export {
  importedHistory,
  buildExport,
  matchEvidence,
  cleanEvidence,
  baseName,
  slug,
  checkShape,
  parseExport,
  matchAnswers,
};
