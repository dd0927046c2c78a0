/*
 * Undo of a replacement (start over, an import that replaced the answers) that restores only what
 * the replacement changed. Between the replacement and the undo another tab may have saved: a
 * criterion whose answer or evidence is no longer what the replacement left is that tab's newer
 * work, and the undo keeps it.
 */

import { hasOwn } from "./keys.js";

/**
 * The one undo a replacement offers: what each field held before and what the replacement set.
 * @param {{answers: object, evidence: object}} before
 * @param {{answers: object, evidence: object}} replaced
 */
export function undoRecord(before, replaced) {
  return JSON.parse(JSON.stringify({ before, replaced }));
}

/**
 * @param {any} object
 * @param {string} key
 */
function storedText(object, key) {
  return hasOwn(object, key) ? JSON.stringify(object[key]) : undefined;
}

/**
 * Restore in `current` (answers or evidence, changed in place) what `before` held, for each key the
 * replacement changed and no one has changed since.
 * @param {Record<string, unknown>} current
 * @param {Record<string, unknown>} before
 * @param {Record<string, unknown>} replaced
 * @returns {string[]} the keys kept as they are because another change came after the replacement
 */
function restoreFields(current, before, replaced) {
  const kept = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(replaced), ...Object.keys(current)]);
  for (const key of keys) {
    const was = storedText(before, key);
    const left = storedText(replaced, key);
    if (was === left) {
      continue; // the replacement did not change it: nothing to undo
    }
    if (storedText(current, key) !== left) {
      kept.push(key); // changed again since (another tab): the newer work stays
      continue;
    }
    if (was === undefined) {
      delete current[key];
    } else {
      Object.defineProperty(current, key, {
        value: JSON.parse(was),
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }
  return kept;
}

/**
 * Apply an undo record to the latest stored assessment (inside model.change).
 * @param {{answers: Record<string, unknown>, evidence: Record<string, unknown>}} assessment
 * @param {{before: any, replaced: any}} record
 * @returns {string[]} the criteria whose newer answer or evidence was kept
 */
export function applyUndo(assessment, record) {
  const kept = restoreFields(assessment.answers, record.before.answers, record.replaced.answers);
  const keptEvidence = restoreFields(assessment.evidence, record.before.evidence, record.replaced.evidence);
  return [...new Set([...kept, ...keptEvidence])];
}
