/*
 * "Your plan" (#wwc-sc-plan): the next steps (the unmet criteria closest to being met, as many as
 * the next tier needs, each linked to its guide entry and case studies) and the documents to gather
 * with which are ticked. The links are copies of the form's own links (view/criterion-lookup.js), so
 * every URL comes from the build. The documents list is built only while its panel is open. The
 * flagged answers, in the results view, are parts/flags.js.
 */

import { ELEMENTS } from "../elements.js";
import { readiness } from "../lib/index.js";
import { format, formatCount } from "../lib/format.js";
import { element, requireElement, setText } from "../view/dom.js";

export class Plan {
  /**
   * @param {HTMLElement} root #wwc-sc-plan
   * @param {any} sc the controller (app.js)
   * @param {import("../view/criterion-lookup.js").CriterionLookup} criteria the form's criteria
   */
  constructor(root, sc, criteria) {
    this.root = root;
    this.sc = sc;
    this.criteria = criteria;
    this.next = requireElement(root, `#${ELEMENTS.next}`);
    // An edition with nothing to tick has no documents to gather: no list.
    /** @type {HTMLDetailsElement | null} */
    this.documents = root.querySelector(`#${ELEMENTS.documents}`);
    this.documentsSummary = this.documents && requireElement(root, `#${ELEMENTS.documents_summary}`);
    this.documentsList = this.documents && requireElement(root, `#${ELEMENTS.documents_list}`);
    this.signature = { next: null, documents: null };
    this.documents?.addEventListener("toggle", () => {
      if (this.documents.open) {
        this.renderDocuments(this.sc.view(), true);
      }
    });
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
    item.appendChild(element("strong", null, this.criteria.label(step.id)));
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
    item.appendChild(this.criteria.links(step.id));
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

  /* The summary's count always; the list only while its panel is open. */
  renderDocuments(view, force) {
    if (!this.documents) {
      return;
    }
    const sc = this.sc;
    const documents = readiness.documents(sc.edition, view.assessment.evidence);
    const ticked = documents.filter((doc) => doc.ticked).length;
    setText(
      this.documentsSummary,
      formatCount(sc.texts.documents_summary, documents.length, { ticked: ticked, total: documents.length }),
    );
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
        item.appendChild(document.createTextNode(` ${this.criteria.itemText(doc.criterion, doc.id)} `));
        const link = element("a", null, format(sc.texts.documents_for, { id: doc.criterion }));
        link.setAttribute("href", `#${this.criteria.fieldset(doc.criterion).id}`);
        item.appendChild(link);
        list.appendChild(item);
      }, this);
      nodes.push(list);
    }, this);
    this.documentsList.replaceChildren.apply(this.documentsList, nodes);
  }
}
