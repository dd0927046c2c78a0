/*
 * The coordinator's requests (#wwc-sc-requests): pick criteria (each, or all those owned by one
 * owner), write a note, and make a request: a link when it fits an email, else a file; optionally
 * protected by a passphrase. The request is recorded in the open assessment's list with its state
 * (sent, answered, merged), listed below. User text goes in through textContent only.
 */

import { normalizeName } from "../lib/people.js";
import { encodeMessage, fitsInEmail, messageFile } from "../lib/request-links.js";
import { addRequest, makeRequest, requestList } from "../lib/requests.js";
import { linkFor, toBase64url } from "../lib/share.js";
import { format, formatCount } from "../lib/format.js";
import { button, linkOutput, nameField } from "../view/controls.js";
import { element } from "../view/dom.js";
import { passphraseField, seal } from "../view/passphrase.js";
import { requestListNodes } from "../view/request-list.js";
import { ContextPart } from "../view/part.js";

/* Where a refusal sends focus: the control the person must change. */
const REFUSAL_CONTROL = {
  "no-criteria": "pick",
  "too-many-criteria": "pick",
  "note-too-long": "note",
  "bad-name": "name",
};

export class RequestMaker extends ContextPart {
  /**
   * @param {HTMLElement} root
   * @param {any} ctx multi.js's context, plus change(fn), person(), criterionTitle(id), requestSettings
   */
  constructor(root, ctx) {
    super(root, ctx);
    this.id = root.id;
    this.build();
  }

  build() {
    const t = this.texts;
    const heading = element("h3", null, t.requests_heading);
    heading.id = `${this.id}-heading`;
    this.root.setAttribute("aria-labelledby", heading.id);
    this.pick = element("fieldset", "wwc-sc-request-pick");
    this.pick.id = `${this.id}-pick`;
    this.pick.append(element("legend", null, t.requests_pick_legend));
    for (const group of this.ctx.edition.groups) {
      const area = element("fieldset", "wwc-sc-request-area");
      area.append(element("legend", null, group.name));
      for (const criterion of group.criteria) {
        const box = element("span", "wwc-sc-option");
        const input = element("input");
        input.type = "checkbox";
        input.id = `${this.id}-c-${criterion.id}`;
        input.value = criterion.id;
        const label = element("label", null, `${criterion.id} ${this.ctx.criterionTitle(criterion.id)}`.trim());
        label.setAttribute("for", input.id);
        box.append(input, label);
        area.append(box);
      }
      this.pick.append(area);
    }
    this.owners = element("select");
    this.owners.id = `${this.id}-owner`;
    const ownerLabel = element("label", null, t.requests_owner_label);
    ownerLabel.setAttribute("for", this.owners.id);
    const selectOwner = button(t.requests_owner_select, { id: `${this.id}-owner-select` });
    selectOwner.addEventListener("click", () => this.selectOwner());
    this.ownerSaid = element("span", "wwc-sc-hint");
    this.ownerSaid.setAttribute("role", "status");
    const ownerRow = element("p", "wwc-sc-field");
    ownerRow.append(ownerLabel, this.owners, selectOwner, this.ownerSaid);
    this.note = element("textarea");
    this.note.id = `${this.id}-note`;
    this.note.rows = 3;
    const noteLabel = element("label", null, t.requests_note_label);
    noteLabel.setAttribute("for", this.note.id);
    const noteRow = element("p", "wwc-sc-field");
    noteRow.append(noteLabel, this.note);
    this.nameRow = this.nameField();
    this.passphrase = passphraseField(`${this.id}-passphrase`, t);
    const make = button(t.requests_make, { id: `${this.id}-make` });
    make.addEventListener("click", () => this.make());
    this.output = this.linkOutput();
    this.said = element("p", "wwc-sc-request-said");
    this.said.id = `${this.id}-said`;
    this.said.setAttribute("role", "status");
    this.list = element("div", "wwc-sc-request-list");
    this.root.replaceChildren(
      heading,
      element("p", "wwc-sc-hint", t.requests_intro),
      ownerRow,
      this.pick,
      noteRow,
      this.nameRow.wrapper,
      this.passphrase.wrapper,
      make,
      this.said,
      this.output,
      this.list,
    );
    this.root.hidden = false;
    this.render();
  }

  nameField() {
    const t = this.texts;
    const field = nameField(`${this.id}-name`, t.requests_name_label, this.ctx.person() || "");
    field.wrapper.append(element("span", "wwc-sc-hint", t.requests_name_hint));
    return field;
  }

  linkOutput() {
    const t = this.texts;
    const made = linkOutput(
      this.id,
      t.requests_link_label,
      t.requests_copy,
      () => {
        this.said.textContent = t.requests_copied;
      },
      "wwc-sc-field wwc-sc-request-output",
    );
    this.link = made.link;
    return made.output;
  }

  /** What changes with the open assessment: its owners and its list of requests. */
  render() {
    const t = this.texts;
    const assessment = this.ctx.model.current();
    const owners = new Set();
    for (const entry of Object.values(assessment.evidence || {})) {
      if (entry && typeof entry.owner === "string" && entry.owner.trim()) {
        owners.add(entry.owner.trim());
      }
    }
    const chosen = this.owners.value;
    const none = element("option", null, t.requests_owner_none);
    none.value = "";
    const options = [none].concat(
      Array.from(owners)
        .sort()
        .map((owner) => {
          const option = element("option", null, owner);
          option.value = owner;
          return option;
        }),
    );
    this.owners.replaceChildren(...options);
    this.owners.value = owners.has(chosen) ? chosen : "";
    this.list.replaceChildren(...requestListNodes(requestList(assessment), this.texts, this.id));
  }

  selectOwner() {
    const owner = this.owners.value;
    if (!owner) {
      this.owners.focus();
      return;
    }
    const evidence = this.ctx.model.current().evidence || {};
    let count = 0;
    for (const input of this.pick.querySelectorAll("input[type=checkbox]")) {
      const entry = Object.hasOwn(evidence, input.value) ? evidence[input.value] : null;
      const owned = Boolean(entry && typeof entry.owner === "string" && entry.owner.trim() === owner);
      input.checked = owned;
      count += owned ? 1 : 0;
    }
    this.ownerSaid.textContent = formatCount(this.texts.requests_owner_selected, count, { count, owner });
  }

  /** @param {string} code @param {string} [detail] */
  refuse(code, detail) {
    // By the code: request_no_criteria, request_too_many_criteria, request_note_too_long,
    // request_bad_name, request_bad_id, request_unsaved.
    const reason = format(this.texts[`request_${code.replace(/-/g, "_")}`] || code, { detail: detail || "" });
    this.said.setAttribute("role", "alert");
    this.said.textContent = format(this.texts.requests_refused, { reason });
    const control = {
      pick: () => this.pick.querySelector("input"),
      note: () => this.note,
      name: () => this.nameRow.input,
    }[REFUSAL_CONTROL[code] || "name"]();
    control?.focus();
  }

  async make() {
    this.output.hidden = true;
    this.said.textContent = "";
    const criteria = Array.from(this.pick.querySelectorAll("input:checked")).map((input) => input.value);
    const named = normalizeName(this.nameRow.input.value);
    const input = {
      criteria,
      note: this.note.value,
      from: named.ok ? named.name : "",
      now: new Date(),
      id: toBase64url(crypto.getRandomValues(new Uint8Array(9))),
    };
    const draft = this.ctx.model.current();
    // Checked first as if saved: a refused request must change nothing, not even keep a draft.
    const checked = /** @type {any} */ (
      makeRequest(Object.assign({ assessment: Object.assign({}, draft, { id: draft.id || "draft" }) }, input))
    );
    if (!checked.ok) {
      this.refuse(checked.error.code, checked.error.detail);
      return checked;
    }
    if (!draft.id) {
      // A draft has no id for a reply to answer to: keep it now (as its first answer would).
      this.ctx.change(() => {});
    }
    const made = /** @type {any} */ (makeRequest(Object.assign({ assessment: this.ctx.model.current() }, input)));
    if (!made.ok) {
      this.refuse(made.error.code, made.error.detail);
      return made;
    }
    const request = made.request;
    const settings = this.ctx.settings;
    const passphrase = this.passphrase.input.value;
    const token = await seal(await encodeMessage(request), passphrase);
    const link = linkFor(window.location.href, settings.requests.request_fragment, token);
    const protectedNote = passphrase ? this.texts.passphrase_protected : "";
    this.said.setAttribute("role", "status");
    if (fitsInEmail(link, settings.share.email_chars)) {
      this.link.value = link;
      this.output.hidden = false;
      this.said.textContent = format(this.texts.requests_link_made, { length: link.length }) + protectedNote;
    } else {
      const file = `${settings.requests.request_file_prefix}-${request.id}.${passphrase ? "txt" : "json"}`;
      this.ctx.download(
        file,
        passphrase ? "text/plain" : "application/json",
        await seal(messageFile(request), passphrase),
      );
      this.said.textContent =
        format(this.texts.requests_file_made, { length: link.length, limit: settings.share.email_chars, file }) +
        protectedNote;
    }
    this.ctx.change((/** @type {any} */ assessment) => {
      assessment.requests = addRequest(assessment, request).requests;
    });
    this.said.setAttribute("tabindex", "-1");
    this.said.focus();
    return made;
  }
}
