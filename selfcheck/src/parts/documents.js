/*
 * The documents page (#wwc-documents): its owner and status columns are blank in the HTML, to fill in
 * by hand on paper; in a browser that keeps a self-check they show the open assessment's evidence
 * (its owner and whether the document is ticked), for each edition's open assessment. This part only
 * reads the store: it never writes, so a page that cannot read it changes nothing. Text goes in as text.
 */

import { ELEMENTS } from "../elements.js";
import { format } from "../lib/format.js";
import { own } from "../lib/keys.js";
import { classify } from "../lib/store.js";

/**
 * The open assessment of each edition in the stored record: the one marked current, else the newest.
 * @param {any} record
 * @returns {Map<string, any>}
 */
function openAssessments(record) {
  /** @type {Map<string, any>} */
  const open = new Map();
  const newestFirst = record.assessments.slice().sort((a, b) => (a.updated < b.updated ? 1 : -1));
  newestFirst.forEach((assessment) => {
    const currentId = own(record.current, assessment.edition);
    const current = currentId ? record.assessments.find((a) => a.id === currentId) : null;
    if (!open.has(assessment.edition)) {
      open.set(assessment.edition, current || assessment);
    }
  });
  return open;
}

/** @param {Storage | null} storage @param {string} key */
function readRecord(storage, key) {
  try {
    const found = classify(storage ? storage.getItem(key) : null);
    return found.kind === "record" ? found.record : null;
  } catch (_error) {
    return null;
  }
}

/**
 * Fill the owner and status cells of `root` from what this browser keeps; returns how many rows were filled.
 * @param {HTMLElement} root
 * @param {Storage | null} storage
 */
export function fillDocuments(root, storage) {
  const script = root.querySelector(`#${ELEMENTS.documents_page_data}`);
  const data = JSON.parse(script?.textContent || "{}");
  const record = readRecord(storage, data.storage_key);
  if (!record) {
    return 0;
  }
  const open = openAssessments(record);
  let filled = 0;
  /** @type {any} */
  let shown = null;
  root.querySelectorAll("tr[data-wwc-document]").forEach((row) => {
    const assessment = open.get(row.getAttribute("data-wwc-edition") || "");
    if (!assessment) {
      return;
    }
    const criterion = row.getAttribute("data-wwc-criterion") || "";
    const entry = own(assessment.evidence || {}, criterion) || {};
    const ticked = Array.isArray(entry.items) && entry.items.indexOf(row.getAttribute("data-wwc-document")) !== -1;
    const ownerCell = row.querySelector(".wwc-documents-owner");
    const statusCell = row.querySelector(".wwc-documents-status");
    if (ownerCell) {
      ownerCell.textContent = typeof entry.owner === "string" ? entry.owner : "";
    }
    if (statusCell) {
      statusCell.textContent = ticked ? data.texts.documents_ticked : data.texts.documents_not_ticked;
    }
    shown = shown || assessment;
    filled += 1;
  });
  const source = root.querySelector(`#${ELEMENTS.documents_page_source}`);
  if (shown && source) {
    source.textContent = format(data.texts.documents_source, {
      name: shown.name || data.new_name,
      city: shown.city ? format(data.texts.documents_source_city, { city: shown.city }) : "",
    });
  }
  return filled;
}
