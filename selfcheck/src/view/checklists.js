/*
 * Each criterion's requirements and documents with their texts, as the page embeds them
 * (payload.checklists: criterion id -> [requirements, documentation], each item [id, text] or
 * [id, text, [option, ...]]). The edition in the payload carries the ids only; this is what names
 * them (evidence panels, report, plan, CSV).
 */

import { own } from "../lib/keys.js";

/** @typedef {[string, string, string[]?]} Item */
/** @typedef {[Item[], Item[]]} Lists */

export class Checklists {
  /** @param {Record<string, Lists>} criteria */
  constructor(criteria) {
    this.criteria = criteria || {};
  }

  /**
   * A criterion's [requirements, documentation].
   * @param {string} criterionId
   * @returns {Lists}
   */
  of(criterionId) {
    return own(this.criteria, criterionId) || [[], []];
  }

  /**
   * The text of a requirement or document (its id when the checklists do not name it).
   * @param {string} criterionId
   * @param {string} itemId
   */
  itemText(criterionId, itemId) {
    const lists = this.of(criterionId);
    const found = lists[0].concat(lists[1]).find((item) => item[0] === itemId);
    return found ? found[1] : itemId;
  }

  /**
   * The edition with each criterion's statement and its tickable items as {id, text}: what the
   * CSV of an assessment shows.
   * @param {any} edition
   * @param {Element | null} form
   */
  editionWithTexts(edition, form) {
    const copy = JSON.parse(JSON.stringify(edition));
    for (const group of copy.groups) {
      for (const criterion of group.criteria) {
        const fieldset = form?.querySelector(`[data-wwc-criterion="${CSS.escape(criterion.id)}"]`);
        const statement = fieldset?.querySelector(".wwc-sc-statement");
        criterion.statement = statement ? statement.textContent : "";
        criterion.title = fieldset?.querySelector(".wwc-sc-title")?.textContent || "";
        const lists = this.of(criterion.id);
        criterion.requirements = lists[0].map((item) => ({ id: item[0], text: item[1] }));
        criterion.documentation = lists[1].map((item) => ({ id: item[0], text: item[1] }));
      }
    }
    return copy;
  }
}
