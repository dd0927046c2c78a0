/*
 * What the plan, the flagged-answers list and the requests show of a criterion, read from the form: its fieldset,
 * its label (id and title, or id and statement), its guide links and its checklist items' texts.
 * The form never changes after the build, so each is looked up once (the next steps list can hold
 * hundreds of criteria, each looked up on every click).
 */

export class CriterionLookup {
  /**
   * @param {HTMLElement} form the self-check's form, with one [data-wwc-criterion] fieldset each
   * @param {{itemText: (criterionId: string, itemId: string) => string}} checklists the page's checklists
   */
  constructor(form, checklists) {
    this.checklists = checklists;
    /** By id, in a Map: an id can come from a request link (a "constructor" finds nothing). @type {Map<string, HTMLElement>} */
    this.fieldsets = new Map();
    /** @type {Map<string, {title: string, statement: string}>} */
    this.wording = new Map();
    /** @type {Record<string, string>} */
    this.itemTexts = {};
    for (const fieldset of form.querySelectorAll("[data-wwc-criterion]")) {
      this.fieldsets.set(
        /** @type {string} */ (fieldset.getAttribute("data-wwc-criterion")),
        /** @type {HTMLElement} */ (fieldset),
      );
    }
  }

  /** @param {string} id */
  fieldset(id) {
    return /** @type {HTMLElement} */ (this.fieldsets.get(id));
  }

  /**
   * The criterion's title and statement as the form shows them ("" where it has none).
   * @param {string} id
   */
  text(id) {
    let text = this.wording.get(id);
    if (!text) {
      const fieldset = this.fieldsets.get(id);
      text = {
        title: fieldset?.querySelector(".wwc-sc-title")?.textContent || "",
        statement: fieldset?.querySelector(".wwc-sc-statement")?.textContent || "",
      };
      this.wording.set(id, text);
    }
    return text;
  }

  /**
   * The id and the title or, without a title, the id and the statement.
   * @param {string} id
   */
  label(id) {
    const text = this.text(id);
    return `${id} ${text.title || text.statement}`;
  }

  /**
   * An item's text from the page's checklists, once looked up.
   * @param {string} criterionId
   * @param {string} itemId
   */
  itemText(criterionId, itemId) {
    const key = `${criterionId} ${itemId}`;
    if (!Object.hasOwn(this.itemTexts, key)) {
      this.itemTexts[key] = this.checklists.itemText(criterionId, itemId);
    }
    return this.itemTexts[key];
  }

  /**
   * The guide link and the case study links of a criterion, cloned from the form, so every URL
   * comes from the build.
   * @param {string} id
   */
  links(id) {
    const copy = /** @type {HTMLElement} */ (
      /** @type {HTMLElement} */ (this.fieldset(id).querySelector(".wwc-sc-guide-link")).cloneNode(true)
    );
    copy.className = "wwc-sc-plan-links";
    return copy;
  }
}
