/*
 * Opening a request or a reply (#wwc-sc-requests-open): a pasted link, a chosen file, or the page's
 * own address (#request=..., #reply=...). A protected one asks for its passphrase here; every
 * refusal is a sentence beside this control, and nothing is stored by opening. What opened goes to
 * the department's landing (a request) or to the coordinator's preview (a reply).
 */

import { unprotect } from "../lib/passphrase.js";
import { openReply, openRequest } from "../lib/request-links.js";
import { format } from "../lib/format.js";
import { button } from "../view/controls.js";
import { element } from "../view/dom.js";
import { passphrasePrompt } from "../view/passphrase.js";
import { ContextPart } from "../view/part.js";

export class RequestsOpen extends ContextPart {
  /**
   * @param {HTMLElement} root
   * @param {any} ctx multi.js's context, plus onRequest(request) and onReply(reply)
   */
  constructor(root, ctx) {
    super(root, ctx);
    /** @type {string | null} the protected text waiting for its passphrase */
    this.pending = null;
    this.build();
  }

  limits() {
    const share = this.ctx.settings.share;
    return { max_chars: share.max_chars, max_bytes: share.max_bytes };
  }

  build() {
    const t = this.texts;
    const heading = element("h3", null, t.requests_open_heading);
    heading.id = `${this.root.id}-heading`;
    this.root.setAttribute("aria-labelledby", heading.id);
    const pasteLabel = element("label", null, t.requests_open_paste);
    pasteLabel.setAttribute("for", `${this.root.id}-paste`);
    this.paste = element("input");
    this.paste.id = `${this.root.id}-paste`;
    this.paste.type = "text";
    this.paste.autocomplete = "off";
    const open = button(t.requests_open_button, { id: `${this.root.id}-button` });
    open.addEventListener("click", () => this.openText(this.paste.value, this.paste));
    const fileLabel = element("label", null, t.requests_open_file);
    fileLabel.setAttribute("for", `${this.root.id}-file`);
    this.file = element("input");
    this.file.id = `${this.root.id}-file`;
    this.file.type = "file";
    this.file.accept = ".json,.txt,application/json,text/plain";
    this.file.addEventListener("change", () => this.openFile());
    this.ask = element("div", "wwc-sc-passphrase-ask");
    this.ask.hidden = true;
    this.message = element("p", "wwc-sc-requests-open-message");
    this.message.id = `${this.root.id}-message`;
    this.message.setAttribute("role", "alert");
    const pasteRow = element("p", "wwc-sc-field");
    pasteRow.append(pasteLabel, this.paste, open);
    const fileRow = element("p", "wwc-sc-field");
    fileRow.append(fileLabel, this.file);
    this.root.replaceChildren(
      heading,
      element("p", "wwc-sc-hint", t.requests_open_intro),
      pasteRow,
      fileRow,
      this.ask,
      this.message,
    );
    this.root.hidden = false;
  }

  /** @param {string} code @param {string} [detail] */
  errorText(code, detail) {
    // By the code: message_empty, message_foreign, message_not_json, message_too_long,
    // message_too_large, message_truncated, message_tampered, message_newer_version,
    // message_invalid, message_no_passphrase, message_wrong_passphrase, message_other_edition,
    // message_unknown_criteria, message_other_assessment, message_unknown_request,
    // message_already_merged.
    const key = `message_${code.replace(/-/g, "_")}`;
    return format(this.texts[key] || code, { detail: detail || "", edition: detail || "" });
  }

  /**
   * Say why `code` was refused, beside `control`, and move focus there.
   * @param {string} code
   * @param {string} [detail]
   * @param {HTMLElement} [control]
   */
  refuse(code, detail, control) {
    this.message.textContent = format(this.texts.requests_open_refused, { reason: this.errorText(code, detail) });
    const target = control || this.paste;
    target.setAttribute("aria-describedby", this.message.id);
    target.focus();
  }

  clear() {
    this.message.textContent = "";
  }

  openFile() {
    const chosen = this.file.files?.[0];
    if (!chosen) {
      return Promise.resolve(null);
    }
    if (chosen.size > this.limits().max_bytes * 2) {
      this.refuse("too-large", "", this.file);
      return Promise.resolve(null);
    }
    return chosen.text().then((text) => this.openText(text, this.file));
  }

  /**
   * Open a link, a token or a file's text: a request or a reply, protected or not.
   * @param {string} text
   * @param {HTMLElement} [control] where a refusal is said (the paste field by default)
   * @returns {Promise<any>}
   */
  async openText(text, control) {
    this.clear();
    this.ask.hidden = true;
    this.control = control || this.paste;
    /** @type {any} */
    let opened = await openRequest(text, this.limits());
    if (!opened.ok && opened.error.code === "is-reply") {
      opened = await openReply(text, this.limits());
    }
    if (!opened.ok && opened.error.code === "protected") {
      this.askPassphrase(/** @type {string} */ (opened.error.text));
      return opened;
    }
    if (!opened.ok) {
      this.refuse(opened.error.code, opened.error.detail, this.control);
      return opened;
    }
    const outcome = opened.request ? this.ctx.onRequest(opened.request) : this.ctx.onReply(opened.reply);
    if (outcome && !outcome.ok) {
      this.refuse(outcome.error.code, outcome.error.detail, this.control);
    }
    return outcome || opened;
  }

  /** @param {string} text the protected text */
  askPassphrase(text) {
    this.pending = text;
    const prompt = passphrasePrompt(`${this.root.id}-passphrase`, this.texts, (input) => this.unlock(input));
    this.said = prompt.said;
    this.ask.replaceChildren(...prompt.nodes);
    this.ask.hidden = false;
    prompt.input.focus();
  }

  /** @param {HTMLInputElement} input */
  async unlock(input) {
    const text = this.pending;
    if (text === null) {
      return null;
    }
    const limits = { max_chars: Math.max(this.limits().max_chars, this.limits().max_bytes * 2) };
    const opened = /** @type {any} */ (await unprotect(text, input.value, limits));
    if (!opened.ok) {
      // Wrong or missing passphrase: said beside the field; nothing opened, nothing stored.
      this.said.textContent = format(this.texts.requests_open_refused, {
        reason: this.errorText(opened.error.code),
      });
      input.focus();
      return opened;
    }
    this.pending = null;
    return this.openText(opened.text, this.control);
  }
}
