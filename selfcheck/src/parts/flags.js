/*
 * The flagged answers (#wwc-sc-flags, in the results view): the met answers an auditor would likely
 * turn into unmet ones, each with what it lacks (the must-meet rule, the missing documents) and the
 * sample report's audited responses that apply. An edition with nothing to tick has no such list.
 */

import { readiness } from "../lib/index.js";
import { format, formatCount } from "../lib/format.js";
import { element } from "../view/dom.js";

export class Flags {
  /**
   * @param {HTMLElement} root #wwc-sc-flags
   * @param {any} sc the controller (app.js)
   * @param {import("../view/criterion-lookup.js").CriterionLookup} criteria the form's criteria
   */
  constructor(root, sc, criteria) {
    this.root = root;
    this.sc = sc;
    this.criteria = criteria;
    /** @type {string | null} */
    this.signature = null;
  }

  /* Rebuilt only when the flags or the evidence change. */
  update(view) {
    const flags = view.backed.flags;
    const signature = JSON.stringify([flags, view.assessment.evidence]);
    if (signature === this.signature) {
      return;
    }
    this.signature = signature;
    // None flagged: the results' line above the list says so (twice read as a stutter).
    if (!flags.length) {
      this.root.replaceChildren();
      return;
    }
    const list = element("ul", "wwc-sc-flag-list");
    for (const flag of flags) {
      const item = element("li");
      item.setAttribute("data-wwc-flag", flag.id);
      const link = element("a", null, this.criteria.label(flag.id));
      link.setAttribute("href", `#${this.criteria.fieldset(flag.id).id}`);
      item.append(link, ...this.details(flag));
      for (const cited of this.auditedFor(flag.id, view)) {
        item.appendChild(element("p", "wwc-sc-flag-audited", cited));
      }
      list.appendChild(item);
    }
    this.root.replaceChildren(list);
  }

  /* What a flagged answer lacks, as nodes: the must-meet sentence, then the missing documents as a
     list (each document's text is a sentence of its own: joined, they ran together). */
  details(flag) {
    const texts = this.sc.texts;
    const nodes = [];
    if (flag.mustMeet && !flag.mustMeet.holds) {
      nodes.push(
        element("p", "wwc-sc-flag-rule", formatCount(texts.flag_must_meet, flag.mustMeet.total, flag.mustMeet)),
      );
    }
    if (flag.missing.length) {
      nodes.push(element("p", "wwc-sc-flag-missing", texts.flag_documents));
      const list = element("ul", "wwc-sc-flag-documents");
      for (const id of flag.missing) {
        list.appendChild(element("li", null, this.criteria.itemText(flag.id, id)));
      }
      nodes.push(list);
    }
    return nodes;
  }

  /* The sample report's audited responses that apply to a flagged answer, as sentences. */
  auditedFor(id, view) {
    const sc = this.sc;
    const criterion = sc.criteria.get(id);
    const answer = view.assessment.answers[id];
    return readiness.auditedCitations(criterion, answer, view.assessment.evidence).map((cited) =>
      format(sc.texts.flag_audited, {
        reason: cited.reason,
        source: Object.hasOwn(sc.data.sources || {}, cited.source) ? sc.data.sources[cited.source] : cited.source,
      }),
    );
  }
}
