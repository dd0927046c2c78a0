/*
 * Evidence per criterion, inside each criterion's "Evidence" panel of the form: the ticks (a
 * checkbox per requirement and document, its value the YAML id), the must-meet status, and notes,
 * owner, due date and links to the city's own documents. The page holds each panel closed and
 * empty: everything in it is built the first time it opens, by wwc-sc-evidence-panel.js from the
 * checklist script, both loaded on first use (sc.need), so a first visit carries neither the 45 or
 * 450 checklists nor the code that builds them. Focus stays on the panel's summary while it is
 * built. This part saves the ticks and fields and shows each panel's state. Every text goes in
 * through textContent or value.
 */

import { readiness } from "../lib/index.js";
import { format } from "../lib/format.js";
import { element, setText, toggleClass } from "../view/dom.js";

const SAVE_DELAY = 400;

function emptyEntry() {
  return { items: [], notes: "", owner: "", due: "", links: [] };
}

/* The evidence entry of `id` in an assessment, created when missing (inside model.change only). */
function entryOf(assessment, id) {
  let entry = assessment.evidence[id];
  if (!entry || typeof entry !== "object") {
    entry = assessment.evidence[id] = emptyEntry();
  }
  ["notes", "owner", "due"].forEach((key) => {
    if (typeof entry[key] !== "string") {
      entry[key] = "";
    }
  });
  if (!Array.isArray(entry.items)) {
    entry.items = [];
  }
  if (!Array.isArray(entry.links)) {
    entry.links = [];
  }
  return entry;
}

function readEntry(assessment, id) {
  const entry = assessment.evidence?.[id];
  return entry && typeof entry === "object" ? entry : emptyEntry();
}

export class Evidence {
  constructor(form, sc) {
    this.form = form;
    this.sc = sc;
    this.panels = {};
    this.pending = {};
    Array.prototype.forEach.call(
      form.querySelectorAll("[data-wwc-evidence]"),
      function (details) {
        const id = details.getAttribute("data-wwc-evidence");
        this.panels[id] = {
          details: details,
          fieldset: details.closest("[data-wwc-criterion]"),
          state: details.querySelector(".wwc-sc-evidence-state"),
          must: null,
          boxes: [],
          built: null,
        };
      },
      this,
    );
    this.bind();
  }

  bind() {
    this.form.addEventListener("change", (event) => {
      const target = event.target;
      if (target.type === "checkbox" && target.closest("[data-wwc-kind]")) {
        this.tick(target);
      } else if (target.hasAttribute("data-wwc-field")) {
        this.flush(target);
      }
    });
    this.form.addEventListener("input", (event) => {
      if (event.target.hasAttribute("data-wwc-field")) {
        this.schedule(event.target);
      }
    });
    // Built on the summary's click (mouse, Enter or Space), before the panel opens, so it opens
    // filled when the checklists are here; toggle catches a panel opened any other way.
    this.form.addEventListener("click", (event) => {
      const summary = event.target.closest?.("summary");
      const id = summary?.parentNode.getAttribute("data-wwc-evidence");
      if (id) {
        this.open(id);
      }
    });
    this.form.addEventListener(
      "toggle",
      (event) => {
        const id = event.target.getAttribute?.("data-wwc-evidence");
        if (id && event.target.open) {
          this.open(id);
        }
      },
      true,
    );
    // Typing not yet saved is saved before the page goes away.
    window.addEventListener("pagehide", () => {
      this.flushAll();
    });
  }

  criterionOf(node) {
    const details = node.closest("[data-wwc-evidence]");
    return details ? details.getAttribute("data-wwc-evidence") : null;
  }

  tick(box) {
    const id = this.criterionOf(box);
    this.sc.change(id, (assessment) => {
      const entry = entryOf(assessment, id);
      const at = entry.items.indexOf(box.value);
      if (box.checked && at === -1) {
        entry.items.push(box.value);
      } else if (!box.checked && at !== -1) {
        entry.items.splice(at, 1);
      }
    });
  }

  schedule(field) {
    const key = field.id;
    window.clearTimeout(this.pending[key]);
    this.pending[key] = window.setTimeout(() => {
      this.flush(field);
    }, SAVE_DELAY);
  }

  flush(field) {
    window.clearTimeout(this.pending[field.id]);
    delete this.pending[field.id];
    const id = this.criterionOf(field);
    const key = field.getAttribute("data-wwc-field");
    const value = field.value.slice(0, this.sc.limits[key] || 5000);
    if (readEntry(this.sc.model.current(), id)[key] === value) {
      return;
    }
    this.sc.change(id, (assessment) => {
      entryOf(assessment, id)[key] = value;
    });
  }

  flushAll() {
    Object.keys(this.pending).forEach(function (fieldId) {
      const field = document.getElementById(fieldId);
      if (field) {
        this.flush(field);
      }
    }, this);
  }

  /* Build the panel on its first opening. */
  open(id) {
    const panel = this.panels[id];
    if (panel && !panel.built) {
      this.build(id);
    }
  }

  fill(id, assessment) {
    const panel = this.panels[id];
    const entry = readEntry(assessment, id);
    const ticked = Array.isArray(entry.items) ? entry.items : [];
    Array.prototype.forEach.call(panel.boxes, (box) => {
      const on = ticked.indexOf(box.value) !== -1;
      if (box.checked !== on) {
        box.checked = on;
      }
    });
    if (panel.built) {
      ["notes", "owner", "due"].forEach((key) => {
        const input = panel.built[key];
        const value = typeof entry[key] === "string" ? entry[key] : "";
        // Never overwrite what is being typed in this tab.
        if (input.value !== value && document.activeElement !== input) {
          input.value = value;
        }
      });
      this.renderLinks(id, Array.isArray(entry.links) ? entry.links : []);
    }
  }

  showState(id, view) {
    const panel = this.panels[id];
    const texts = this.sc.texts;
    const criterion = this.sc.criteria.get(id);
    const state = readiness.criterionEvidence(criterion, view.assessment.evidence);
    const entry = readEntry(view.assessment, id);
    const bits = [];
    if (state.total) {
      bits.push(format(texts.evidence_ticked, { ticked: state.ticked, total: state.total }));
    }
    if ((entry.notes || "").trim()) {
      bits.push(texts.evidence_notes);
    }
    const flagged = view.flagged.has(id);
    if (flagged) {
      bits.push(texts.evidence_missing);
    }
    setText(panel.state, bits.length ? ` (${bits.join(", ")})` : "");
    toggleClass(panel.fieldset, "wwc-sc-flagged", flagged);
    if (panel.must && state.mustMeet) {
      const must = state.mustMeet;
      setText(
        panel.must,
        format(must.holds ? texts.must_meet_met : texts.must_meet_unmet, {
          ticked: must.ticked,
          total: must.total,
          count: must.count,
        }),
      );
      toggleClass(panel.must, "wwc-sc-warning-text", !must.holds);
    }
  }

  /* changed: a criterion id (only its panel is touched) or null (all, after a load or import). */
  update(view, changed) {
    const ids = changed ? [changed] : Object.keys(this.panels);
    ids.forEach(function (id) {
      if (this.panels[id]) {
        this.fill(id, view.assessment);
        this.showState(id, view);
      }
    }, this);
  }

  field(id, key, labelText, tag, type) {
    const wrapper = element("div", `wwc-sc-field wwc-sc-field-${key}`);
    const inputId = `${this.form.id}-${id.toLowerCase()}-${key}`;
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
    return { wrapper: wrapper, input: input };
  }

  /* A requirement or document list: each item a checkbox inside its label (no id/for pairs). */
  tickList(items, kind) {
    const list = element("ul", "wwc-sc-ticks");
    list.setAttribute("data-wwc-kind", kind);
    items.forEach((item) => {
      const box = element("input");
      box.type = "checkbox";
      box.value = item[0];
      const label = element("label");
      label.append(box, item[1]);
      const entry = element("li");
      entry.appendChild(label);
      if (item[2]) {
        const options = element("ul");
        item[2].forEach((option) => {
          options.appendChild(element("li", null, option));
        });
        entry.appendChild(options);
      }
      list.appendChild(entry);
    });
    return list;
  }

  buildChecklists(id, panel) {
    const texts = this.sc.texts;
    const lists = this.sc.checklists.of(id);
    const criterion = this.sc.criteria.get(id);
    const nodes = [];
    if (lists[0].length) {
      nodes.push(
        element(
          "p",
          "wwc-sc-more-heading",
          criterion.must_meet
            ? format(texts.must_meet, { count: criterion.must_meet, total: lists[0].length })
            : texts.checklist,
        ),
      );
      nodes.push(this.tickList(lists[0], "requirements"));
      if (criterion.must_meet) {
        panel.must = element("p", "wwc-sc-must");
        panel.must.setAttribute("role", "status");
        nodes.push(panel.must);
      }
    }
    if (lists[1].length) {
      nodes.push(element("p", "wwc-sc-more-heading", texts.documentation));
      nodes.push(this.tickList(lists[1], "documentation"));
    }
    return nodes;
  }

  build(id) {
    const panel = this.panels[id];
    if (!panel || panel.built) {
      return;
    }
    const texts = this.sc.texts;
    const checklists = this.buildChecklists(id, panel);
    const notes = this.field(id, "notes", texts.notes_label, "textarea");
    notes.input.rows = 3;
    const owner = this.field(id, "owner", texts.owner_label, "input", "text");
    const due = this.field(id, "due", texts.due_label, "input", "date");
    const row = element("div", "wwc-sc-field-row");
    row.append(owner.wrapper, due.wrapper);
    const links = this.buildLinks(id);
    const fields = element("div", "wwc-sc-fields");
    fields.append(notes.wrapper, row, links.wrapper);
    panel.details.append.apply(panel.details, checklists.concat([fields]));
    panel.boxes = panel.details.querySelectorAll("input[type=checkbox]");
    panel.built = { notes: notes.input, owner: owner.input, due: due.input, links: links };
    const view = this.sc.view();
    this.fill(id, view.assessment);
    this.showState(id, view);
  }

  buildLinks(id) {
    const texts = this.sc.texts;
    const base = `${this.form.id}-${id.toLowerCase()}-link`;
    const wrapper = element("div", "wwc-sc-links");
    const heading = element("p", "wwc-sc-more-heading", texts.links_label);
    heading.id = `${base}s-heading`;
    const list = element("ul", "wwc-sc-link-list");
    list.setAttribute("aria-labelledby", heading.id);
    const add = element("div", "wwc-sc-link-add");
    const textField = this.field(id, "link-text", texts.link_text_label, "input", "text");
    textField.input.removeAttribute("data-wwc-field");
    textField.input.maxLength = this.sc.limits.link_text;
    const urlField = this.field(id, "link-url", texts.link_url_label, "input", "url");
    urlField.input.removeAttribute("data-wwc-field");
    urlField.input.maxLength = this.sc.limits.url;
    const button = element("button", "wwc-sc-button", texts.link_add);
    button.type = "button";
    const message = element("p", "wwc-sc-link-message");
    message.setAttribute("role", "alert");
    add.append(textField.wrapper, urlField.wrapper, button);
    wrapper.append(heading, list, add, message);
    button.addEventListener("click", () => {
      this.addLink(id, textField.input, urlField.input, message);
    });
    [textField.input, urlField.input].forEach((input) => {
      input.addEventListener("keydown", (event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          this.addLink(id, textField.input, urlField.input, message);
        }
      });
    });
    return { wrapper: wrapper, list: list, message: message };
  }

  addLink(id, textInput, urlInput, message) {
    const texts = this.sc.texts;
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
    const current = readEntry(this.sc.model.current(), id).links || [];
    if (current.length >= this.sc.limits.links) {
      setText(message, format(texts.link_too_many, { max: this.sc.limits.links }));
      return;
    }
    const label = textInput.value.trim().slice(0, this.sc.limits.link_text) || url;
    setText(message, "");
    this.sc.change(id, (assessment) => {
      entryOf(assessment, id).links.push({ text: label, url: url });
    });
    textInput.value = "";
    urlInput.value = "";
    textInput.focus();
  }

  removeLink(id, index) {
    this.sc.change(id, (assessment) => {
      entryOf(assessment, id).links.splice(index, 1);
    });
    const panel = this.panels[id];
    const buttons = panel.built.links.list.querySelectorAll("button");
    (buttons[Math.min(index, buttons.length - 1)] || panel.built.links.list.parentNode.querySelector("input")).focus();
  }

  renderLinks(id, links) {
    const texts = this.sc.texts;
    const list = this.panels[id].built.links.list;
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
      remove.addEventListener("click", () => {
        this.removeLink(id, index);
      });
      item.append(anchor, " ", remove);
      return item;
    });
    list.replaceChildren.apply(list, items);
  }
}

/* ---- notes, owner, due date: saved shortly after typing stops, and on change ---- */

/* ---- the fields, built on first open ---- */

/* ---- showing the state ---- */

/* An absolute http(s) URL, or null. The URL parser decides, not a pattern. */
export function httpUrl(value) {
  let url;
  try {
    url = new URL(String(value).trim());
  } catch (_error) {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}
