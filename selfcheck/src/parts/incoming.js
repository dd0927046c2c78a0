/*
 * An incoming link or file (#wwc-sc-incoming): what it holds, or why it was refused, and what to do
 * with it (save as new, compare, merge, go to its edition's page). Nothing is replaced without the
 * user asking. User text goes in through textContent only.
 */

import { scoring, share } from "../lib/index.js";
import { format, formatCount } from "../lib/format.js";
import { isProtected, unprotect } from "../lib/passphrase.js";
import { button } from "../view/controls.js";
import { element } from "../view/dom.js";
import { passphrasePrompt } from "../view/passphrase.js";
import { ContextPart } from "../view/part.js";

export class Incoming extends ContextPart {
  constructor(root, ctx) {
    super(root, ctx);
    root.hidden = true;
  }

  errorText(error, editionId) {
    const t = this.texts;
    // By the error's code: link_too_long, link_not_a_link, link_newer_version, link_damaged,
    // link_too_large, link_invalid, link_unknown_edition (named here so a search for a text finds
    // where it is used).
    const key = `link_${error.code.replace(/-/g, "_")}`;
    return format(t[key] || error.code, { detail: error.detail, length: error.detail, edition: editionId || "" });
  }

  /* Read the page's fragment; show what a link holds, or why it was refused. */
  readHash() {
    const settings = this.ctx.settings.share;
    const token = share.tokenFromHash(window.location.hash, settings.fragment);
    if (!token) {
      return Promise.resolve(null);
    }
    if (isProtected(token)) {
      this.askPassphrase(token);
      return Promise.resolve(null);
    }
    return this.openToken(token);
  }

  /** @param {string} token */
  openToken(token) {
    const settings = this.ctx.settings.share;
    return share.decode(token, settings).then((decoded) => {
      if (!decoded.ok) {
        this.refuse(this.errorText(decoded.error));
      } else if (!this.ctx.editionNames.has(decoded.assessment.edition)) {
        this.refuse(this.errorText({ code: "unknown-edition" }, decoded.assessment.edition));
      } else {
        this.show(decoded.assessment);
      }
      return decoded;
    });
  }

  /* A protected link: its passphrase is asked here; a wrong one is said beside the field, and
     nothing is opened or stored. */
  askPassphrase(token) {
    const t = this.texts;
    const prompt = passphrasePrompt(this.id("passphrase"), t, async (input) => {
      const opened = /** @type {any} */ (await unprotect(token, input.value, this.ctx.settings.share));
      if (opened.ok) {
        return this.openToken(opened.text);
      }
      prompt.said.textContent = format(t.link_refused, {
        reason: t[`message_${opened.error.code.replace(/-/g, "_")}`],
      });
      input.focus();
      return null;
    });
    this.root.replaceChildren(this.heading(), ...prompt.nodes, this.dismissButton());
    this.root.hidden = false;
    prompt.input.focus();
  }

  /** The id of one of this part's elements, after its root's: two instances (link, file) never clash. @param {string} name */
  id(name) {
    return `${this.root.id}-${name}`;
  }

  headingText() {
    return this.texts.incoming_heading;
  }

  heading() {
    const heading = element("h2", null, this.headingText());
    heading.id = this.id("heading");
    this.root.setAttribute("aria-labelledby", heading.id);
    return heading;
  }

  refuse(reason) {
    const alert = element("p", "wwc-sc-incoming-refused", format(this.texts.link_refused, { reason: reason }));
    alert.setAttribute("role", "alert");
    this.root.replaceChildren(this.heading(), alert, this.dismissButton());
    this.root.hidden = false;
  }

  describe(assessment) {
    const t = this.texts;
    const edition = this.ctx.edition;
    const met = assessment.edition === edition.id ? scoring.score(edition, assessment.answers).met : "?";
    const answers = Object.keys(assessment.answers).length;
    return formatCount(t.incoming_holds, answers, {
      name: assessment.name || t.new_name,
      edition: this.ctx.editionNames.get(assessment.edition),
      city: assessment.city ? format(t.incoming_city, { city: assessment.city }) : "",
      date: assessment.date ? format(t.incoming_date, { date: assessment.date }) : "",
      answers: answers,
      met: met,
      ticks: assessment.carries?.ticks ? t.incoming_ticks : "",
      notes: assessment.carries?.notes ? t.incoming_notes : "",
    });
  }

  /* What an incoming assessment (link or file) holds, and the three things the user may do. */
  show(assessment) {
    const t = this.texts;
    this.assessment = assessment;
    this.savedId = null;
    const holds = element("p", "wwc-sc-incoming-holds", this.describe(assessment));
    holds.id = this.id("holds");
    const nodes = [this.heading(), holds];
    if (assessment.edition !== this.ctx.edition.id) {
      const other = element(
        "p",
        null,
        format(t.incoming_other_edition, { edition: this.ctx.editionNames.get(assessment.edition) }),
      );
      const go = button(t.incoming_other_edition_link, { id: this.id("go") });
      go.addEventListener("click", () => {
        this.ctx.goToEdition(assessment.edition);
      });
      nodes.push(other, go, this.dismissButton());
    } else {
      const save = button(t.incoming_save, { id: this.id("save") });
      save.addEventListener("click", () => {
        this.saveAsNew();
      });
      const compare = button(t.incoming_compare, { id: this.id("compare") });
      compare.addEventListener("click", () => {
        this.ctx.compareWith(assessment, t.compare_incoming);
      });
      const merge = button(t.incoming_merge, { id: this.id("merge") });
      merge.addEventListener("click", () => {
        this.ctx.merge(assessment);
      });
      const buttons = element("div", "wwc-sc-buttons");
      buttons.append(save, compare, merge, this.dismissButton());
      nodes.push(element("p", "wwc-sc-hint", t.incoming_nothing_replaced), buttons);
    }
    this.message = element("p", "wwc-sc-incoming-message");
    this.message.id = this.id("message");
    this.message.setAttribute("role", "status");
    nodes.push(this.message);
    this.root.replaceChildren.apply(this.root, nodes);
    this.root.hidden = false;
    holds.setAttribute("tabindex", "-1");
    holds.focus();
  }

  dismissButton() {
    const node = button(this.texts.incoming_dismiss, { id: this.id("dismiss") });
    node.addEventListener("click", () => {
      this.dismiss();
    });
    return node;
  }

  /* The link is handled: take it out of the address, so a reload does not offer it again. */
  dismiss() {
    this.root.hidden = true;
    this.root.replaceChildren();
    this.forgetLink();
  }

  forgetLink() {
    if (window.history?.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }

  /* Saved once and opened: the form shows the copy's answers, and the save button goes quiet so a
     second click cannot make a duplicate. */
  saveAsNew() {
    if (this.savedId) {
      return;
    }
    const result = this.ctx.model.saveAsNew(this.assessment);
    this.savedId = result.id || null;
    const save = this.root.querySelector(`#${this.id("save")}`);
    if (save instanceof HTMLButtonElement && this.savedId) {
      save.disabled = true;
    }
    this.ctx.changed(result);
    this.ctx.reload();
    this.ctx.refreshParts();
    if (this.savedId) {
      this.forgetLink();
    }
    const name = this.assessment.name || this.texts.new_name;
    this.message.textContent = format(this.savedId ? this.texts.incoming_saved : this.texts.incoming_save_failed, {
      name: name,
    });
    this.message.setAttribute("tabindex", "-1");
    this.message.focus();
  }
}

/* An imported file's offer, in its own root beside the import button (#wwc-sc-import-offer). */
export class ImportOffer extends Incoming {
  headingText() {
    return this.texts.incoming_file_heading;
  }
}
