/*
 * The department's side of a request (#wwc-sc-request-landing): ONLY the requested criteria, the
 * note and who asked, each criterion with its requirements and documents to tick, its answer and
 * notes. The answers are kept in this browser's request workspace (lib/request-workspace.js) as
 * they change, apart from any assessment, until "Make reply" gives a reply link or file. Works for
 * a first visit in an empty browser. User text goes in through textContent only.
 */

import { normalizeName } from "../lib/people.js";
import { encodeMessage, fitsInEmail, messageFile, unknownCriteria } from "../lib/request-links.js";
import { draftFromRequest, makeReply } from "../lib/requests.js";
import { own } from "../lib/keys.js";
import { linkFor } from "../lib/share.js";
import { format } from "../lib/format.js";
import { button, linkOutput, nameField } from "../view/controls.js";
import { element } from "../view/dom.js";
import { passphraseField, seal } from "../view/passphrase.js";
import { ContextPart } from "../view/part.js";

export class RequestLanding extends ContextPart {
  /**
   * @param {HTMLElement} root
   * @param {any} ctx multi.js's context, plus workspace, person(), criterionText(id), checklists
   */
  constructor(root, ctx) {
    super(root, ctx);
    this.id = root.id;
    root.hidden = true;
  }

  /**
   * Show `request` (refusals: other-edition, unknown-criteria, handed back to the opener).
   * @param {import("../lib/requests.js").Request} request
   */
  show(request) {
    const t = this.texts;
    if (request.edition !== this.ctx.edition.id) {
      if (!this.ctx.editionNames.has(request.edition)) {
        return { ok: false, error: { code: "unknown-edition", detail: request.edition } };
      }
      const go = button(t.landing_go, { id: `${this.id}-go` });
      go.addEventListener("click", () => this.ctx.goToEdition(request.edition));
      const said = element(
        "p",
        null,
        format(t.landing_other_edition, { edition: this.ctx.editionNames.get(request.edition) }),
      );
      this.root.replaceChildren(this.heading(request), said, go);
      this.root.hidden = false;
      go.focus();
      return { ok: true };
    }
    const unknown = unknownCriteria(request, this.ctx.edition);
    if (unknown.length) {
      return { ok: false, error: { code: "unknown-criteria", detail: unknown.slice(0, 5).join(", ") } };
    }
    const opened = this.ctx.workspace.open(request, draftFromRequest(request));
    this.request = request;
    this.entry = opened.entry;
    const about = element(
      "p",
      "wwc-sc-landing-about",
      format(t.landing_about, {
        name: request.name,
        city: request.city ? `, ${request.city}` : "",
        date: request.created.slice(0, 10),
        count: request.criteria.length,
      }),
    );
    const nodes = [this.heading(request), about];
    if (request.note) {
      nodes.push(element("p", "wwc-sc-landing-note", format(t.landing_note, { note: request.note })));
    }
    nodes.push(element("p", "wwc-sc-hint", opened.kept ? t.landing_kept : t.landing_not_kept));
    this.form = element("div", "wwc-sc-landing-criteria");
    for (const id of request.criteria) {
      this.form.append(this.criterion(id));
    }
    this.form.addEventListener("change", () => this.save());
    this.form.addEventListener("input", () => this.save());
    nodes.push(this.form, this.replySection());
    this.root.replaceChildren(...nodes);
    this.root.hidden = false;
    const heading = /** @type {HTMLElement} */ (this.root.querySelector("h3"));
    heading.setAttribute("tabindex", "-1");
    heading.focus();
    return { ok: true };
  }

  /** @param {import("../lib/requests.js").Request} request */
  heading(request) {
    const heading = element("h3", null, format(this.texts.landing_heading, { from: request.from }));
    heading.id = `${this.id}-heading`;
    this.root.setAttribute("aria-labelledby", heading.id);
    return heading;
  }

  /** One requested criterion: statement, answer, requirements and documents, notes. @param {string} id */
  criterion(id) {
    const t = this.texts;
    const answers = this.entry.answers;
    const evidence = own(this.entry.evidence, id) || {};
    const ticked = new Set(Array.isArray(evidence.items) ? evidence.items : []);
    const box = element("fieldset", "wwc-sc-landing-criterion");
    box.setAttribute("data-wwc-criterion", id);
    const text = this.ctx.criterionText(id);
    box.append(element("legend", null, `${id} ${text.title}`.trim()));
    box.append(element("p", "wwc-sc-statement", text.statement));
    const states = element("p", "wwc-sc-landing-answer");
    const current = own(answers, id);
    for (const state of [{ id: "", label: t.landing_unanswered }].concat(this.ctx.edition.answer_states)) {
      const input = element("input");
      input.type = "radio";
      input.name = `${this.id}-answer-${id}`;
      input.id = `${this.id}-answer-${id}-${state.id || "none"}`;
      input.value = state.id;
      input.checked = (current || "") === state.id;
      const label = element("label", null, state.label);
      label.setAttribute("for", input.id);
      const option = element("span", "wwc-sc-option");
      option.append(input, label);
      states.append(option);
    }
    box.append(states);
    const [requirements, documents] = this.ctx.checklists.of(id);
    for (const [title, items] of [
      [t.landing_requirements, requirements],
      [t.landing_documents, documents],
    ]) {
      if (!items.length) {
        continue;
      }
      const list = element("fieldset", "wwc-sc-landing-items");
      list.append(element("legend", null, title));
      for (const item of items) {
        const input = element("input");
        input.type = "checkbox";
        input.id = `${this.id}-item-${id}-${item[0]}`;
        input.value = item[0];
        input.checked = ticked.has(item[0]);
        input.setAttribute("data-wwc-item", item[0]);
        const label = element("label", null, item[1]);
        label.setAttribute("for", input.id);
        const option = element("span", "wwc-sc-option");
        option.append(input, label);
        list.append(option);
      }
      box.append(list);
    }
    const notes = element("textarea");
    notes.id = `${this.id}-notes-${id}`;
    notes.rows = 2;
    notes.maxLength = this.ctx.limits.notes;
    notes.value = typeof evidence.notes === "string" ? evidence.notes : "";
    notes.setAttribute("data-wwc-notes", "");
    const notesLabel = element("label", null, t.landing_notes_label);
    notesLabel.setAttribute("for", notes.id);
    const notesRow = element("p", "wwc-sc-field");
    notesRow.append(notesLabel, notes);
    box.append(notesRow);
    return box;
  }

  /** The answers and evidence the form shows; what it does not show (owner, due, links) is kept. */
  collect() {
    const answers = {};
    const evidence = {};
    for (const box of this.form.querySelectorAll("[data-wwc-criterion]")) {
      const id = box.getAttribute("data-wwc-criterion") || "";
      const chosen = /** @type {HTMLInputElement | null} */ (box.querySelector("input[type=radio]:checked"));
      if (chosen?.value) {
        answers[id] = chosen.value;
      }
      const before = own(this.entry.evidence, id) || {};
      const items = Array.from(box.querySelectorAll("input[data-wwc-item]:checked")).map((input) => input.value);
      evidence[id] = Object.assign({}, before, {
        items: items.sort(),
        notes: /** @type {HTMLTextAreaElement} */ (box.querySelector("[data-wwc-notes]")).value,
      });
    }
    return { answers, evidence };
  }

  save() {
    const { answers, evidence } = this.collect();
    this.entry.answers = answers;
    this.entry.evidence = evidence;
    this.ctx.workspace.save(this.request.id, answers, evidence);
  }

  replySection() {
    const t = this.texts;
    const section = element("div", "wwc-sc-landing-reply");
    const heading = element("h4", null, t.landing_reply_heading);
    const named = nameField(`${this.id}-name`, t.requests_name_label, this.ctx.person() || "");
    const nameRow = named.wrapper;
    this.name = named.input;
    this.passphrase = passphraseField(`${this.id}-passphrase`, t);
    const make = button(t.landing_make_reply, { id: `${this.id}-make` });
    make.addEventListener("click", () => this.makeReply());
    this.said = element("p", "wwc-sc-landing-said");
    this.said.id = `${this.id}-said`;
    this.said.setAttribute("role", "status");
    const reply = linkOutput(this.id, t.landing_reply_link_label, t.requests_copy, () => {
      this.said.textContent = t.requests_copied;
    });
    this.output = reply.output;
    this.link = reply.link;
    section.append(heading, nameRow, this.passphrase.wrapper, make, this.said, this.output);
    return section;
  }

  async makeReply() {
    const t = this.texts;
    this.save();
    this.output.hidden = true;
    const named = normalizeName(this.name.value);
    const made = makeReply({
      request: this.request,
      answers: this.entry.answers,
      evidence: this.entry.evidence,
      who: named.ok ? named.name : "",
      now: new Date(),
    });
    if (!made.ok) {
      this.said.setAttribute("role", "alert");
      this.said.textContent = format(t.landing_reply_refused, { reason: t.request_bad_name });
      this.name.setAttribute("aria-describedby", this.said.id);
      this.name.focus();
      return made;
    }
    const settings = this.ctx.settings;
    const passphrase = this.passphrase.input.value;
    const token = await seal(await encodeMessage(made.reply), passphrase);
    const link = linkFor(window.location.href, settings.requests.reply_fragment, token);
    const protectedNote = passphrase ? t.passphrase_protected : "";
    this.said.setAttribute("role", "status");
    if (fitsInEmail(link, settings.share.email_chars)) {
      this.link.value = link;
      this.output.hidden = false;
      this.said.textContent =
        format(t.landing_reply_link_made, { length: link.length, from: this.request.from }) + protectedNote;
    } else {
      const file = `${settings.requests.reply_file_prefix}-${this.request.id}.${passphrase ? "txt" : "json"}`;
      this.ctx.download(
        file,
        passphrase ? "text/plain" : "application/json",
        await seal(messageFile(made.reply), passphrase),
      );
      this.said.textContent =
        format(t.landing_reply_file_made, {
          length: link.length,
          limit: settings.share.email_chars,
          file,
          from: this.request.from,
        }) + protectedNote;
    }
    this.said.setAttribute("tabindex", "-1");
    this.said.focus();
    return made;
  }
}
