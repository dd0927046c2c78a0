/*
 * One criterion's evidence panel (a <details data-wwc-evidence> of the form), the root it owns:
 * closed and empty in the page, built on its first opening from the embedded checklists (a
 * checkbox per requirement and document inside its label, its value the YAML id; any must-meet
 * status line), notes, owner, due date and links to the city's own documents. Links are shown as
 * text links, never fetched, and only http(s) addresses are accepted. Every text goes in through
 * textContent, value or setAttribute. Saving ticks and typed fields is the form's evidence part's.
 */

import { readiness } from "../lib/index.js";
import { format } from "../lib/format.js";
import { button } from "../view/controls.js";
import { element, setText, toggleClass } from "../view/dom.js";
import { entryOf, httpUrl, readEntry } from "../view/evidence-entry.js";

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
    /** @type {{notes: any, owner: any, due: any, list: any, message: any} | null} */
    this.built = null;
    /** @type {Map<string, string>} each text field's value as this tab last saw it stored */
    this.bases = new Map();
    this.idBase = `${details.closest("form").id}-${this.id.toLowerCase()}`;
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
    this.renderLinks(Array.isArray(entry.links) ? entry.links : []);
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
  }

  /* ---- built on first opening ---- */

  build() {
    if (this.built) {
      return;
    }
    const texts = this.sc.texts;
    const checklists = this.buildChecklists();
    const notes = this.field("notes", texts.notes_label, "textarea");
    notes.input.rows = 3;
    const owner = this.field("owner", texts.owner_label, "input", "text");
    const due = this.field("due", texts.due_label, "input", "date");
    const row = element("div", "wwc-sc-field-row");
    row.append(owner.wrapper, due.wrapper);
    const links = this.buildLinks();
    const message = element("p", "wwc-sc-field-message");
    message.setAttribute("role", "status");
    const fields = element("div", "wwc-sc-fields");
    fields.append(notes.wrapper, row, message, links.wrapper);
    this.details.append(...checklists, fields);
    this.boxes = [...this.details.querySelectorAll("input[type=checkbox]")];
    this.built = { notes: notes.input, owner: owner.input, due: due.input, list: links.list, message };
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
      if (item[2]) {
        const options = element("ul");
        for (const option of item[2]) {
          options.appendChild(element("li", null, option));
        }
        entry.appendChild(options);
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
    if (requirements.length) {
      const heading = mustMeet
        ? format(texts.must_meet, { count: mustMeet, total: requirements.length })
        : texts.checklist;
      nodes.push(element("p", "wwc-sc-more-heading", heading), this.tickList(requirements, "requirements"));
      if (mustMeet) {
        this.must = element("p", "wwc-sc-must");
        this.must.setAttribute("role", "status");
        nodes.push(this.must);
      }
    }
    if (documentation.length) {
      nodes.push(
        element("p", "wwc-sc-more-heading", texts.documentation),
        this.tickList(documentation, "documentation"),
      );
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

  /* ---- links to the city's own documents ---- */

  buildLinks() {
    const texts = this.sc.texts;
    const limits = this.sc.limits;
    const wrapper = element("div", "wwc-sc-links");
    const heading = element("p", "wwc-sc-more-heading", texts.links_label);
    heading.id = `${this.idBase}-links-heading`;
    const list = element("ul", "wwc-sc-link-list");
    list.setAttribute("aria-labelledby", heading.id);
    const add = element("div", "wwc-sc-link-add");
    const textField = this.field("link-text", texts.link_text_label, "input", "text");
    const urlField = this.field("link-url", texts.link_url_label, "input", "url");
    textField.input.maxLength = limits.link_text;
    urlField.input.maxLength = limits.url;
    for (const input of [textField.input, urlField.input]) {
      // Typed, not saved: a link is added by its button (or Enter), whole.
      input.removeAttribute("data-wwc-field");
    }
    const addButton = button(texts.link_add);
    const message = element("p", "wwc-sc-link-message");
    message.setAttribute("role", "alert");
    add.append(textField.wrapper, urlField.wrapper, addButton);
    wrapper.append(heading, list, add, message);
    const addLink = () => this.addLink(textField.input, urlField.input, message);
    addButton.addEventListener("click", addLink);
    for (const input of [textField.input, urlField.input]) {
      input.addEventListener("keydown", (/** @type {KeyboardEvent} */ event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          addLink();
        }
      });
    }
    return { wrapper, list };
  }

  /**
   * @param {HTMLInputElement} textInput
   * @param {HTMLInputElement} urlInput
   * @param {HTMLElement} message
   */
  addLink(textInput, urlInput, message) {
    const texts = this.sc.texts;
    const limits = this.sc.limits;
    const raw = urlInput.value.trim();
    const url = raw ? httpUrl(raw) : null;
    if (!raw) {
      setText(message, texts.link_empty);
      return;
    }
    if (!url) {
      setText(message, format(texts.link_refused, { url: raw }));
      return;
    }
    const current = readEntry(this.sc.model.current(), this.id).links || [];
    if (current.length >= limits.links) {
      setText(message, format(texts.link_too_many, { max: limits.links }));
      return;
    }
    const label = textInput.value.trim().slice(0, limits.link_text) || url;
    setText(message, "");
    this.sc.change(this.id, (/** @type {any} */ assessment) => {
      entryOf(assessment, this.id).links.push({ text: label, url });
    });
    textInput.value = "";
    urlInput.value = "";
    textInput.focus();
  }

  /** @param {number} index */
  removeLink(index) {
    this.sc.change(this.id, (/** @type {any} */ assessment) => {
      entryOf(assessment, this.id).links.splice(index, 1);
    });
    const list = this.built.list;
    const buttons = list.querySelectorAll("button");
    (buttons[Math.min(index, buttons.length - 1)] || list.parentNode.querySelector("input")).focus();
  }

  /** @param {any[]} links */
  renderLinks(links) {
    const texts = this.sc.texts;
    const items = links.map((link, index) => {
      const item = element("li");
      const url = httpUrl(link.url);
      // A stored address that is not http(s) (an edited file, say) is shown, never made a link.
      const anchor = element(url ? "a" : "span", null, link.text || link.url);
      if (url) {
        anchor.setAttribute("href", url);
        anchor.setAttribute("rel", "noopener noreferrer");
        anchor.setAttribute("target", "_blank");
      }
      const remove = element("button", "wwc-sc-link-remove", "×");
      remove.type = "button";
      remove.setAttribute("aria-label", format(texts.link_remove, { text: link.text || link.url }));
      remove.addEventListener("click", () => this.removeLink(index));
      item.append(anchor, " ", remove);
      return item;
    });
    this.built.list.replaceChildren(...items);
  }
}
