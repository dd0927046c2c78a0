/*
 * "Your plan" (#wwc-sc-plan), below the form: the next steps (the unmet criteria closest to
 * being met, as many as the next tier needs, each linked to its guide entry and case studies),
 * the met answers an auditor would likely turn into an unmet one, with what is missing, and the
 * documents to gather with which are ticked. The links are copies of the form's own links, so
 * every URL comes from the build. The documents list is built only while its panel is open.
 */

import { ELEMENTS } from "../elements.js";
import { readiness } from "../lib/index.js";
import { format } from "../lib/format.js";
import { element, requireElement, setText } from "../view/dom.js";

export class Plan {
  /**
   * @param {HTMLElement} root #wwc-sc-plan
   * @param {any} sc the controller (app.js)
   * @param {{flags: HTMLElement | null}} shown the list of flagged answers, in the results view (none
   *   in an edition with nothing to tick): outside the root, filled by this part alone
   */
  constructor(root, sc, shown) {
    this.root = root;
    this.sc = sc;
    this.next = requireElement(root, `#${ELEMENTS.next}`);
    this.flags = shown.flags;
    // An edition with nothing to tick has no documents to gather: no list.
    /** @type {HTMLDetailsElement | null} */
    this.documents = root.querySelector(`#${ELEMENTS.documents}`);
    this.documentsSummary = this.documents && requireElement(root, `#${ELEMENTS.documents_summary}`);
    this.documentsList = this.documents && requireElement(root, `#${ELEMENTS.documents_list}`);
    this.signature = { next: null, flags: null, documents: null };
    this.labels = {};
    this.itemTexts = {};
    // The form never changes after the build: find each criterion's fieldset once, not per lookup
    // (the next steps list can hold hundreds of criteria, each looked up on every click).
    this.fieldsets = {};
    Array.prototype.forEach.call(
      sc.form.querySelectorAll("[data-wwc-criterion]"),
      function (fieldset) {
        this.fieldsets[fieldset.getAttribute("data-wwc-criterion")] = fieldset;
      },
      this,
    );
    this.documents?.addEventListener("toggle", () => {
      if (this.documents.open) {
        this.renderDocuments(this.sc.view(), true);
      }
    });
  }

  fieldset(id) {
    return this.fieldsets[id];
  }

  /* The id and the title or, without a title, the id and the statement. */
  criterionLabel(id) {
    if (!Object.hasOwn(this.labels, id)) {
      const legend = this.fieldset(id).querySelector("legend");
      const title = legend.querySelector(".wwc-sc-title");
      this.labels[id] = `${id} ${title ? title.textContent : legend.querySelector(".wwc-sc-statement").textContent}`;
    }
    return this.labels[id];
  }

  /* An item's text from the checklists (the page's checklists), once looked up. */
  itemText(criterionId, itemId) {
    const key = `${criterionId} ${itemId}`;
    if (!Object.hasOwn(this.itemTexts, key)) {
      this.itemTexts[key] = this.sc.checklists.itemText(criterionId, itemId);
    }
    return this.itemTexts[key];
  }

  /* The guide link and the case study links of a criterion, cloned from the form. */
  criterionLinks(id) {
    const source = this.fieldset(id).querySelector(".wwc-sc-guide-link");
    const copy = source.cloneNode(true);
    copy.className = "wwc-sc-plan-links";
    return copy;
  }

  stateLabel(stateId) {
    const states = this.sc.edition.answer_states;
    for (let i = 0; i < states.length; i += 1) {
      if (states[i].id === stateId) {
        return states[i].label;
      }
    }
    return stateId;
  }

  update(view) {
    this.renderNext(view);
    this.renderFlags(view);
    this.renderDocuments(view, false);
  }

  /* Rebuilt only when the list itself changes (its ids, answers and tick counts). */
  renderNext(view) {
    const sc = this.sc;
    const texts = sc.texts;
    const plan = readiness.nextSteps(sc.edition, view.assessment.answers, view.assessment.evidence);
    const signature = JSON.stringify(plan);
    if (signature === this.signature.next) {
      return;
    }
    this.signature.next = signature;
    if (!plan) {
      this.next.replaceChildren(element("p", null, texts.next_none_needed));
      return;
    }
    const intro = element(
      "p",
      "wwc-sc-next-intro",
      format(sc.data.has_evidence ? texts.next_intro : texts.next_intro_no_evidence, {
        tier: sc.tierName(plan.tier),
        more: plan.needed,
        items: sc.items(plan.needed),
        item: sc.edition.item_label,
        items_all: sc.edition.item_label_plural,
        group: sc.edition.group_label.toLowerCase(),
      }),
    );
    // The few that reach the next tier soonest first; the rest of what it needs behind a disclosure.
    const short = Math.max(1, Number(sc.data.plan?.short) || 5);
    const list = this.stepList(plan.steps.slice(0, short), 1);
    const nodes = [intro, list];
    const rest = plan.steps.slice(short);
    if (rest.length) {
      const more = element("details", "wwc-sc-next-rest");
      more.appendChild(
        element(
          "summary",
          null,
          format(texts.next_rest_summary, {
            count: rest.length,
            items: sc.items(rest.length),
            tier: sc.tierName(plan.tier),
          }),
        ),
      );
      more.appendChild(this.stepList(rest, short + 1));
      nodes.push(more);
    }
    if (plan.others) {
      nodes.push(
        element(
          "p",
          "wwc-sc-caption",
          format(texts.next_more, {
            count: plan.others,
            items: sc.items(plan.others),
          }),
        ),
      );
    }
    this.next.replaceChildren.apply(this.next, nodes);
  }

  /**
   * An ordered list of steps, numbered from `start`.
   * @param {any[]} steps
   * @param {number} start
   */
  stepList(steps, start) {
    const list = element("ol", "wwc-sc-next-list");
    if (start !== 1) {
      list.setAttribute("start", String(start));
    }
    for (const step of steps) {
      list.appendChild(this.stepItem(step));
    }
    return list;
  }

  stepItem(step) {
    const texts = this.sc.texts;
    const item = element("li");
    item.setAttribute("data-wwc-step", step.id);
    item.appendChild(element("strong", null, this.criterionLabel(step.id)));
    const counts = { ticked: step.ticked, total: step.total };
    let state;
    if (step.total === 0) {
      // Nothing to tick: the answer alone.
      state = step.answer === null ? texts.report_unanswered : this.stateLabel(step.answer);
    } else if (step.answer === null) {
      state = format(texts.next_item_unanswered, counts);
    } else if (step.unbacked) {
      state = format(texts.next_item_unbacked, { ...counts, state: this.stateLabel(step.answer) });
    } else {
      state = format(texts.next_item_state, { ...counts, state: this.stateLabel(step.answer) });
    }
    item.appendChild(element("span", "wwc-sc-next-state", ` (${state})`));
    if (step.before) {
      item.appendChild(element("span", "wwc-sc-next-before", ` ${format(texts.next_before, { id: step.before })}`));
    }
    item.appendChild(this.criterionLinks(step.id));
    const resources = this.resourceLinks(step.id);
    if (resources) {
      item.appendChild(resources);
    }
    return item;
  }

  /* The "where to go next" page's resources for a criterion (criteria/resources.yml), or null. */
  resourceLinks(id) {
    const where = this.sc.data.where_next || {};
    const resources = Object.hasOwn(where, id) ? where[id] : [];
    if (!resources.length) {
      return null;
    }
    const line = element("p", "wwc-sc-plan-resources", `${this.sc.texts.next_resources} `);
    resources.forEach((resource, index) => {
      const link = element("a", null, resource.name);
      link.setAttribute("href", `${this.root.getAttribute("data-wwc-where-next")}#${resource.id}`);
      line.appendChild(link);
      if (index < resources.length - 1) {
        line.appendChild(document.createTextNode(", "));
      }
    });
    return line;
  }

  /* What a flagged answer lacks, as nodes: the must-meet sentence, then the missing documents as a
     list (each document's text is a sentence of its own: joined, they ran together). */
  flagDetails(flag) {
    const texts = this.sc.texts;
    const nodes = [];
    if (flag.mustMeet && !flag.mustMeet.holds) {
      nodes.push(element("p", "wwc-sc-flag-rule", format(texts.flag_must_meet, flag.mustMeet)));
    }
    if (flag.missing.length) {
      nodes.push(element("p", "wwc-sc-flag-missing", texts.flag_documents));
      const list = element("ul", "wwc-sc-flag-documents");
      for (const id of flag.missing) {
        list.appendChild(element("li", null, this.itemText(flag.id, id)));
      }
      nodes.push(list);
    }
    return nodes;
  }

  renderFlags(view) {
    if (!this.flags) {
      return;
    }
    const flags = view.backed.flags;
    const signature = JSON.stringify([flags, view.assessment.evidence]);
    if (signature === this.signature.flags) {
      return;
    }
    this.signature.flags = signature;
    if (!flags.length) {
      this.flags.replaceChildren(element("p", null, this.sc.texts.flags_none));
      return;
    }
    const list = element("ul", "wwc-sc-flag-list");
    flags.forEach(function (flag) {
      const item = element("li");
      item.setAttribute("data-wwc-flag", flag.id);
      const link = element("a", null, this.criterionLabel(flag.id));
      link.setAttribute("href", `#${this.fieldset(flag.id).id}`);
      item.append(link, ...this.flagDetails(flag));
      for (const cited of this.auditedFor(flag.id, view)) {
        item.appendChild(element("p", "wwc-sc-flag-audited", cited));
      }
      list.appendChild(item);
    }, this);
    this.flags.replaceChildren(list);
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

  /* The summary's count always; the list only while its panel is open. */
  renderDocuments(view, force) {
    if (!this.documents) {
      return;
    }
    const sc = this.sc;
    const documents = readiness.documents(sc.edition, view.assessment.evidence);
    const ticked = documents.filter((doc) => doc.ticked).length;
    setText(this.documentsSummary, format(sc.texts.documents_summary, { ticked: ticked, total: documents.length }));
    if (!this.documents.open) {
      return;
    }
    this.drawDocuments(documents, force);
  }

  /* The documents to gather, by group, with which are ticked and a link to the criterion each proves. */
  drawDocuments(documents, force) {
    const sc = this.sc;
    const signature = JSON.stringify(documents);
    if (!force && signature === this.signature.documents) {
      return;
    }
    this.signature.documents = signature;
    const nodes = [];
    sc.edition.groups.forEach(function (group) {
      const rows = documents.filter((doc) => doc.group === group.id);
      if (!rows.length) {
        return;
      }
      nodes.push(element("h4", null, group.name));
      const list = element("ul", "wwc-sc-document-list");
      rows.forEach(function (doc) {
        const item = element("li", doc.ticked ? "wwc-sc-doc-ticked" : "wwc-sc-doc-open");
        item.setAttribute("data-wwc-document", doc.id);
        item.appendChild(
          element("span", "wwc-sc-doc-state", doc.ticked ? sc.texts.documents_ticked : sc.texts.documents_not_ticked),
        );
        item.appendChild(document.createTextNode(` ${this.itemText(doc.criterion, doc.id)} `));
        const link = element("a", null, format(sc.texts.documents_for, { id: doc.criterion }));
        link.setAttribute("href", `#${this.fieldset(doc.criterion).id}`);
        item.appendChild(link);
        list.appendChild(item);
      }, this);
      nodes.push(list);
    }, this);
    this.documentsList.replaceChildren.apply(this.documentsList, nodes);
  }
}
