/*
 * One criterion's evidence panel (a <details data-wwc-evidence> of the form), the root it owns:
 * closed and empty in the page, built on its first opening from the embedded checklists (a
 * checkbox per requirement and document inside its label, its value the YAML id; any must-meet
 * status line, a date field under each item with a time window: EvidenceDates), what an auditor
 * would miss (each on its own line), notes, owner, due date and the links to the city's own
 * documents (EvidenceLinks), each group under its own heading.
 * Every text goes in through textContent, value or setAttribute. Saving ticks and typed fields is the form's evidence part's.
 */

import { readiness } from "../lib/index.js";
import { format } from "../lib/format.js";
import { element, setText, toggleClass } from "../view/dom.js";
import { entryOf, readEntry } from "../view/evidence-entry.js";
import { EvidenceDates } from "./evidence-dates.js";
import { EvidenceLinks } from "./evidence-links.js";

export class EvidencePanel {
  /**
   * @param {HTMLDetailsElement} details
   * @param {any} sc the controller (app.js): texts, limits, criteria, checklists, change(), view()
   */
  constructor(details, sc) {
    this.details = details;
    this.sc = sc;
    this.id = details.getAttribute("data-wwc-evidence");
    this.fieldset = details.closest("[data-wwc-criterion]");
    this.state = details.querySelector(".wwc-sc-evidence-state");
    /** @type {HTMLElement | null} */
    this.must = null;
    /** @type {any[]} */
    this.boxes = [];
    /** @type {{notes: any, owner: any, due: any, message: any} | null} */
    this.built = null;
    /** @type {Map<string, string>} each text field's value as this tab last saw it stored */
    this.bases = new Map();
    this.idBase = `${details.closest("form").id}-${this.id.toLowerCase()}`;
    /** @type {EvidenceDates | null} */
    this.dates = null;
    /** @type {HTMLElement | null} what an auditor would miss, one line each */
    this.flagList = null;
  }

  /* ---- showing the state ---- */

  /** @param {any} assessment */
  fill(assessment) {
    const entry = readEntry(assessment, this.id);
    const ticked = Array.isArray(entry.items) ? entry.items : [];
    for (const box of this.boxes) {
      const on = ticked.includes(box.value);
      if (box.checked !== on) {
        box.checked = on;
      }
    }
    if (!this.built) {
      return;
    }
    for (const key of ["notes", "owner", "due"]) {
      const input = this.built[key];
      const value = typeof entry[key] === "string" ? entry[key] : "";
      // Never overwrite what is being typed in this tab: saving it then says if the stored text moved on.
      if (document.activeElement !== input) {
        if (input.value !== value) {
          input.value = value;
        }
        this.bases.set(key, value);
      }
    }
    this.links.render(Array.isArray(entry.links) ? entry.links : []);
  }

  /** @param {any} view */
  showState(view) {
    const texts = this.sc.texts;
    const state = readiness.criterionEvidence(this.sc.criteria.get(this.id), view.assessment.evidence);
    const entry = readEntry(view.assessment, this.id);
    const bits = [];
    if (state.total) {
      bits.push(format(texts.evidence_ticked, { ticked: state.ticked, total: state.total }));
    }
    if ((entry.notes || "").trim()) {
      bits.push(texts.evidence_notes);
    }
    const flagged = view.flagged.has(this.id);
    if (flagged) {
      bits.push(texts.evidence_missing);
    }
    setText(this.state, bits.length ? ` (${bits.join(", ")})` : "");
    toggleClass(this.fieldset, "wwc-sc-flagged", flagged);
    if (this.must && state.mustMeet) {
      const must = state.mustMeet;
      const template = must.holds ? texts.must_meet_met : texts.must_meet_unmet;
      setText(this.must, format(template, { ticked: must.ticked, total: must.total, count: must.count }));
      toggleClass(this.must, "wwc-sc-warning-text", !must.holds);
    }
    if (this.built) {
      this.showFlags(view.flagged.get(this.id));
      this.dates?.fill(view.assessment, view.plan);
    }
  }

  /* Each missing document and an unmet must-meet rule on its own line (nothing when none). */
  showFlags(flag) {
    const texts = this.sc.texts;
    const lines = [];
    for (const itemId of flag?.missing || []) {
      lines.push(`${texts.flag_documents} ${this.sc.checklists.itemText(this.id, itemId)}`);
    }
    if (flag?.mustMeet && !flag.mustMeet.holds) {
      lines.push(format(texts.flag_must_meet, flag.mustMeet));
    }
    this.flagList?.replaceChildren(...lines.map((line) => element("li", null, line)));
    if (this.flagList) {
      this.flagList.hidden = lines.length === 0;
    }
  }

  /* ---- built on first opening ---- */

  build() {
    if (this.built) {
      return;
    }
    const texts = this.sc.texts;
    this.dates = new EvidenceDates(this);
    const checklists = this.buildChecklists();
    this.flagList = element("ul", "wwc-sc-panel-flags");
    this.flagList.hidden = true;
    const notes = this.field("notes", texts.notes_label, "textarea");
    notes.input.rows = 3;
    const owner = this.field("owner", texts.owner_label, "input", "text");
    const due = this.field("due", texts.due_label, "input", "date");
    const row = element("div", "wwc-sc-field-row");
    row.append(owner.wrapper, due.wrapper);
    this.links = new EvidenceLinks(this);
    const links = this.links.build();
    const message = element("p", "wwc-sc-field-message");
    message.setAttribute("role", "status");
    const fields = element("div", "wwc-sc-fields wwc-sc-evidence-group");
    fields.append(element("p", "wwc-sc-more-heading", texts.evidence_fields_heading), notes.wrapper, row, message);
    const linkGroup = element("div", "wwc-sc-evidence-group");
    linkGroup.append(links);
    this.details.append(...checklists, this.flagList, fields, linkGroup);
    this.boxes = [...this.details.querySelectorAll("input[type=checkbox]")];
    this.built = { notes: notes.input, owner: owner.input, due: due.input, message };
    const view = this.sc.view();
    this.fill(view.assessment);
    this.showState(view);
  }

  /**
   * A labelled input; data-wwc-field names what it saves (the form's part saves it).
   * @param {string} key
   * @param {string} labelText
   * @param {string} tag
   * @param {string} [type]
   */
  field(key, labelText, tag, type) {
    const wrapper = element("div", `wwc-sc-field wwc-sc-field-${key}`);
    const inputId = `${this.idBase}-${key}`;
    const label = element("label", null, labelText);
    label.setAttribute("for", inputId);
    const input = element(tag);
    input.id = inputId;
    if (type) {
      input.type = type;
    }
    input.setAttribute("data-wwc-field", key);
    if (this.sc.limits[key]) {
      input.maxLength = this.sc.limits[key];
    }
    wrapper.append(label, input);
    return { wrapper, input };
  }

  /**
   * A requirement or document list: each item a checkbox inside its label (no id/for pairs).
   * @param {any[]} items
   * @param {string} kind
   */
  tickList(items, kind) {
    const list = element("ul", "wwc-sc-ticks");
    list.setAttribute("data-wwc-kind", kind);
    for (const item of items) {
      const box = element("input");
      box.type = "checkbox";
      box.value = item[0];
      const label = element("label");
      label.append(box, item[1]);
      const entry = element("li");
      entry.appendChild(label);
      const dated = this.dates?.fieldFor(item[0], item[1]);
      if (item[2]) {
        const options = element("ul");
        for (const option of item[2]) {
          options.appendChild(element("li", null, option));
        }
        entry.appendChild(options);
      }
      if (dated) {
        entry.appendChild(dated);
      }
      list.appendChild(entry);
    }
    return list;
  }

  buildChecklists() {
    const texts = this.sc.texts;
    const [requirements, documentation] = this.sc.checklists.of(this.id);
    const mustMeet = this.sc.criteria.get(this.id).must_meet;
    const nodes = [];
    if (this.dates?.any()) {
      nodes.push(element("p", "wwc-sc-date-hint", texts.evidence_dates_hint));
    }
    if (requirements.length) {
      const heading = mustMeet
        ? format(texts.must_meet, { count: mustMeet, total: requirements.length })
        : texts.checklist;
      const group = element("div", "wwc-sc-evidence-group");
      group.append(element("p", "wwc-sc-more-heading", heading), this.tickList(requirements, "requirements"));
      if (mustMeet) {
        this.must = element("p", "wwc-sc-must");
        this.must.setAttribute("role", "status");
        group.append(this.must);
      }
      nodes.push(group);
    }
    if (documentation.length) {
      const group = element("div", "wwc-sc-evidence-group");
      group.append(
        element("p", "wwc-sc-more-heading", texts.documentation),
        this.tickList(documentation, "documentation"),
      );
      nodes.push(group);
    }
    return nodes;
  }

  /**
   * Save a typed field (notes, owner, due date) over the latest stored entry. When another tab
   * changed that field after this tab last saw it, this tab's text is kept and the other is shown.
   * @param {string} key
   * @param {string} value
   */
  save(key, value) {
    const base = this.bases.get(key) ?? readEntry(this.sc.model.current(), this.id)[key] ?? "";
    /** @type {string | null} */
    let other = null;
    this.sc.change(this.id, (/** @type {any} */ assessment) => {
      const entry = entryOf(assessment, this.id);
      if (entry[key] !== base && entry[key] !== value) {
        other = entry[key];
      }
      entry[key] = value;
    });
    this.bases.set(key, value);
    const labels = { notes: "notes_label", owner: "owner_label", due: "due_label" };
    setText(
      this.built?.message,
      other === null
        ? ""
        : format(this.sc.texts.field_overwritten, { field: this.sc.texts[labels[key]], id: this.id, other }),
    );
  }
}
