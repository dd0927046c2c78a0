/*
 * Planning to an application date (#wwc-sc-planning, in the Results view): the planned application
 * date and the administration's start (each refused with a sentence beside it, the stored date left
 * as it was), then, with an application date, the dated evidence outside its window on that day,
 * the roadmap's sentences, chart and table, what the plan counts on (due dates and owners) and what
 * is overdue. The figures are the view's plan (lib/plan-dates.js planOf); this part only shows them.
 */

import { ELEMENTS } from "../elements.js";
import { format } from "../lib/format.js";
import { administrationProblem, applicationProblem, localDay } from "../lib/plan-dates.js";
import { scrollBox } from "../view/controls.js";
import { element, setText } from "../view/dom.js";
import { readEntry } from "../view/evidence-entry.js";
import { roadmapChart, roadmapTable } from "../view/roadmap-chart.js";

const FIELDS = {
  application: { id: ELEMENTS.application, check: applicationProblem },
  administration: { id: ELEMENTS.administration, check: administrationProblem },
};

export class Planning {
  /**
   * @param {HTMLElement} root #wwc-sc-planning
   * @param {any} sc the controller (app.js)
   */
  constructor(root, sc) {
    this.root = root;
    this.sc = sc;
    this.none = /** @type {HTMLElement | null} */ (root.querySelector(".wwc-sc-plan-none"));
    this.body = root.querySelector(".wwc-sc-plan-body");
    /** @type {Map<string, {input: HTMLInputElement, message: HTMLElement | null, refused: boolean}>} */
    this.fields = new Map();
    for (const [key, field] of Object.entries(FIELDS)) {
      const input = /** @type {HTMLInputElement | null} */ (root.querySelector(`#${field.id}`));
      if (input) {
        this.fields.set(key, { input, message: root.querySelector(`#${field.id}-message`), refused: false });
        input.addEventListener("change", () => this.save(key));
      }
    }
    this.shown = "";
  }

  /** @param {string} key application or administration */
  save(key) {
    const field = /** @type {any} */ (this.fields.get(key));
    const value = field.input.value.trim();
    const problem = FIELDS[key].check(value, localDay(this.sc.now()));
    const texts = this.sc.texts;
    if (problem) {
      const templates = {
        malformed: texts.application_malformed,
        "in-past": texts.application_in_past,
        "in-future": texts.administration_in_future,
      };
      field.refused = true;
      field.input.setAttribute("aria-invalid", "true");
      setText(field.message, format(templates[problem], { date: value }));
      return;
    }
    field.refused = false;
    field.input.removeAttribute("aria-invalid");
    setText(field.message, "");
    this.sc.change(null, (/** @type {any} */ assessment) => {
      if (value) {
        assessment[key] = value;
      } else {
        delete assessment[key];
      }
    });
  }

  /** @param {any} view */
  update(view) {
    for (const [key, field] of this.fields) {
      const stored = typeof view.assessment[key] === "string" ? view.assessment[key] : "";
      if (document.activeElement !== field.input && !field.refused && field.input.value !== stored) {
        field.input.value = stored;
      }
    }
    const plan = view.plan;
    // Drawn again only when what it shows changed: most clicks change nothing here.
    const key = JSON.stringify([plan.application, plan.items, plan.roadmap, this.owners(view, plan)]);
    if (key === this.shown) {
      return;
    }
    this.shown = key;
    if (this.none) {
      this.none.hidden = Boolean(plan.application);
    }
    this.body?.replaceChildren(...(plan.application && plan.roadmap?.ok ? this.render(view, plan) : []));
  }

  /* The owner and due date of each open criterion the plan counts on, and of each overdue one. */
  owners(view, plan) {
    if (!plan.roadmap?.ok) {
      return [];
    }
    const list = [];
    for (const group of this.sc.edition.groups) {
      for (const criterion of group.criteria) {
        const entry = readEntry(view.assessment, criterion.id);
        if (!this.isDone(view, criterion.id) && typeof entry.due === "string" && entry.due) {
          list.push({ id: criterion.id, due: entry.due, owner: typeof entry.owner === "string" ? entry.owner : "" });
        }
      }
    }
    return list.sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
  }

  /** @param {any} view @param {string} id */
  isDone(view, id) {
    const answer = view.assessment.answers[id];
    const met = this.sc.edition.answer_states.some((/** @type {any} */ state) => state.id === answer && state.met);
    return met && !view.flagged.has(id);
  }

  /** @param {any} view @param {any} plan */
  render(view, plan) {
    const sc = this.sc;
    const texts = sc.texts;
    const nodes = [];
    nodes.push(element("h3", null, texts.expiring_heading));
    if (plan.outside.length) {
      const list = element("ul", "wwc-sc-plan-expiring");
      for (const item of plan.outside) {
        const text = format(texts.expiring_item, {
          id: item.criterion,
          item: sc.checklists.itemText(item.criterion, item.item),
          date: item.date,
          outside: item.firstOutside,
        });
        const line = element("li", null, text);
        line.setAttribute("data-wwc-item", item.item);
        list.append(line);
      }
      nodes.push(list);
    } else {
      nodes.push(element("p", null, format(texts.expiring_none, { application: plan.application })));
    }
    nodes.push(...this.roadmapNodes(plan, "wwc-sc-roadmap"));
    nodes.push(...this.ownerLists(view, plan));
    return nodes;
  }

  /**
   * The roadmap's heading, sentences, chart and table (the report prints them too, with its own uid).
   * @param {any} plan the view's plan, with a roadmap
   * @param {string} uid what the chart's pattern ids start with (unique in the page)
   */
  roadmapNodes(plan, uid) {
    const sc = this.sc;
    const texts = sc.texts;
    const figure = element("figure", "wwc-sc-roadmap");
    figure.append(
      roadmapChart(plan.roadmap, {
        texts,
        tiers: sc.edition.tiers,
        tierName: (id) => sc.tierName(id),
        application: plan.application,
        uid,
      }),
      scrollBox(roadmapTable(plan.roadmap, { texts, tierName: (id) => sc.tierName(id) }), texts.chart_table_caption),
    );
    return [
      element("h3", null, format(texts.roadmap_heading, { application: plan.application })),
      ...this.sentences(plan.roadmap, plan.application),
      figure,
    ];
  }

  /* Which tier the plan reaches on the application date, and the first day of each higher tier. */
  sentences(roadmap, application) {
    const sc = this.sc;
    const texts = sc.texts;
    const on = roadmap.onApplication;
    const lines = [
      format(texts.roadmap_reaches, {
        application,
        tier: sc.tierName(roadmap.tierOnApplication),
        met: on.met,
        total: roadmap.total,
        items: sc.items(roadmap.total),
        percent: on.percent,
      }),
    ];
    for (const reached of roadmap.firstReached) {
      const template = reached.date ? texts.roadmap_first : texts.roadmap_never;
      lines.push(
        format(template, {
          tier: sc.tierName(reached.tier),
          date: reached.date || "",
          application,
          items: sc.edition.item_label_plural,
        }),
      );
    }
    return lines.map((line) => element("p", "wwc-sc-roadmap-line", line));
  }

  /* What the plan counts on (open criteria with a due date from today on) and what is overdue. */
  ownerLists(view, plan) {
    const texts = this.sc.texts;
    const today = plan.roadmap.steps[0].date;
    const owned = this.owners(view, plan);
    const planned = owned.filter((entry) => entry.due >= today);
    const overdue = owned.filter((entry) => entry.due < today);
    const line = (/** @type {any} */ entry, /** @type {string} */ template) =>
      element("li", null, format(template, { id: entry.id, due: entry.due, owner: entry.owner || "—" }));
    const nodes = [element("h3", null, texts.planned_heading)];
    if (planned.length) {
      const list = element("ul", "wwc-sc-plan-planned");
      list.append(...planned.map((entry) => line(entry, entry.owner ? texts.roadmap_owner : texts.roadmap_no_owner)));
      nodes.push(list);
    } else {
      nodes.push(element("p", null, format(texts.planned_none, { item: this.sc.edition.item_label })));
    }
    nodes.push(element("h3", null, texts.overdue_heading));
    if (overdue.length) {
      const list = element("ul", "wwc-sc-plan-overdue");
      list.append(...overdue.map((entry) => line(entry, texts.overdue_item)));
      nodes.push(list);
    } else {
      nodes.push(element("p", null, texts.overdue_none));
    }
    return nodes;
  }
}
