/*
 * An assessment as CSV, one row per criterion, that a spreadsheet opens as it is: UTF-8 with a
 * byte order mark (so Excel reads accents), CRLF row ends, every cell quoted when it needs it,
 * and cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) made
 * inert with a leading apostrophe. No DOM, so node --test runs it.
 *
 */
import { formatCount } from "./format.js";
import * as readiness from "./readiness.js";

const BOM = "\ufeff";
const FORMULA_START = /^[=+\-@\t\r]/;
// The columns, in order; their headings come from the page's texts (macros/selfcheck-assessments.yml).
// City, assessment, title and evidence come last, so the columns of files made before keep their places.
const COLUMNS = [
  "id",
  "area",
  "statement",
  "answer",
  "requirements",
  "documents",
  "notes",
  "owner",
  "due",
  "links",
  "title",
  "evidence",
  "city",
  "assessment",
  "dates",
];

/* One cell: formula starts neutralised, then quoted if it holds a comma, quote or line break. */
function cell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  if (/[",\r\n]/.test(text)) {
    text = `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

function row(values) {
  return values.map(cell).join(",");
}

function itemTexts(items, ticked) {
  // Items as the page has them: [{id, text}] (text may be absent); ticked ids keep YAML order.
  return (items || []).filter((item) => ticked.indexOf(item.id) !== -1).map((item) => item.text || item.id);
}

/* Ticked ids that are neither a requirement nor a document of the criterion are still listed, by id. */
function unknownTicks(criterion, ticked) {
  const known = (criterion.requirements || []).concat(criterion.documentation || []).map((item) => item.id);
  return ticked.filter((id) => known.indexOf(id) === -1);
}

function answerLabel(edition, answer) {
  if (answer === undefined || answer === null) {
    return "";
  }
  const state = edition.answer_states.filter((item) => item.id === answer)[0];
  return state ? state.label : String(answer);
}

/* Item ids of a list that holds ids or {id, text} entries. */
function ids(items) {
  return (items || []).map((item) => (typeof item === "string" ? item : item.id));
}

/* A criterion's evidence status in words: a met answer is backed (every document ticked, any
   must-meet rule holding: lib/readiness.js) or says how many documents are missing; another answer
   says how much is ticked. Empty where the edition has nothing to tick. */
function evidenceStatus(edition, criterion, answer, evidence, wording) {
  const plain = Object.assign({}, criterion, {
    requirements: ids(criterion.requirements),
    documentation: ids(criterion.documentation),
  });
  const state = readiness.criterionEvidence(plain, evidence);
  if (!wording || !state.total) {
    return "";
  }
  const met = edition.answer_states.some((item) => item.id === answer && item.met);
  if (!met) {
    return state.ticked
      ? formatCount(wording.ticked, state.total, { ticked: state.ticked, total: state.total })
      : wording.none;
  }
  if (state.missing.length === 0 && (state.mustMeet === null || state.mustMeet.holds)) {
    return wording.backed;
  }
  return formatCount(wording.missing, state.missing.length, {
    count: state.missing.length,
    ticked: state.ticked,
    total: state.total,
  });
}

/* Each dated item as "item-id: YYYY-MM-DD", one a line, ids sorted. */
function datesCell(dates) {
  if (!dates || typeof dates !== "object") {
    return "";
  }
  return Object.keys(dates)
    .sort()
    .map((item) => `${item}: ${dates[item]}`)
    .join("\n");
}

/* The CSV text (with BOM) of `assessment` against `edition`; `headings` maps each column to its
   heading, `evidenceTexts` ({backed, missing, ticked, none}) words the evidence column. */
function assessmentCsv(edition, assessment, headings, evidenceTexts) {
  const lines = [row(COLUMNS.map((column) => headings[column] || column))];
  const answers = assessment.answers || {};
  const evidence = assessment.evidence || {};
  edition.groups.forEach((group) => {
    group.criteria.forEach((criterion) => {
      const entry = evidence[criterion.id] || {};
      const ticked = entry.items || [];
      const requirements = itemTexts(criterion.requirements, ticked);
      const documents = itemTexts(criterion.documentation, ticked).concat(unknownTicks(criterion, ticked));
      lines.push(
        row([
          criterion.id,
          group.name,
          criterion.statement || "",
          answerLabel(edition, answers[criterion.id]),
          requirements.join("\n"),
          documents.join("\n"),
          entry.notes || "",
          entry.owner || "",
          entry.due || "",
          (entry.links || []).map((link) => (link.text ? `${link.text} ` : "") + link.url).join("\n"),
          criterion.title || "",
          evidenceStatus(edition, criterion, answers[criterion.id], evidence, evidenceTexts),
          assessment.city || "",
          assessment.name || "",
          datesCell(entry.dates),
        ]),
      );
    });
  });
  return `${BOM + lines.join("\r\n")}\r\n`;
}

/* A strict reader of what assessmentCsv writes (RFC 4180), for tests and checks. */
function parse(text) {
  const rows = [];
  let current = [];
  let field = "";
  let quoted = false;
  const body = text.charAt(0) === BOM ? text.slice(1) : text;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body.charAt(i);
    if (quoted) {
      if (ch === '"' && body.charAt(i + 1) === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      current.push(field);
      field = "";
    } else if (ch === "\r" && body.charAt(i + 1) === "\n") {
      current.push(field);
      rows.push(current);
      current = [];
      field = "";
      i += 1;
    } else {
      field += ch;
    }
  }
  if (field || current.length) {
    current.push(field);
    rows.push(current);
  }
  return rows;
}

export { COLUMNS, BOM, cell, assessmentCsv, parse };
