/*
 * Share by link (#wwc-sc-share): makes a link of the open assessment, with the ticks and the
 * notes only if asked; the answers travel compressed in the URL fragment, which never reaches a
 * server. User text goes in through textContent only.
 */

import { share } from "../lib/index.js";
import { format } from "../lib/format.js";
import { button, checkbox } from "../view/controls.js";
import { element } from "../view/dom.js";
import { passphraseField, seal } from "../view/passphrase.js";
import { ContextPart } from "../view/part.js";

export class Share extends ContextPart {
  constructor(root, ctx) {
    super(root, ctx);
    this.build();
  }

  build() {
    const t = this.texts;
    const heading = element("h2", null, t.share_heading);
    heading.id = "wwc-sc-share-heading";
    this.root.setAttribute("aria-labelledby", heading.id);
    this.ticks = checkbox("wwc-sc-share-ticks", t.share_ticks);
    this.notes = checkbox("wwc-sc-share-notes", t.share_notes);
    this.passphrase = passphraseField("wwc-sc-share-passphrase", t);
    const make = button(t.share_button, { id: "wwc-sc-share-make" });
    make.addEventListener("click", () => {
      this.makeLink();
    });
    this.output = element("div", "wwc-sc-share-output");
    this.output.hidden = true;
    const label = element("label", null, t.share_link_label);
    label.setAttribute("for", "wwc-sc-share-link");
    this.link = element("input");
    this.link.id = "wwc-sc-share-link";
    this.link.type = "text";
    this.link.readOnly = true;
    const copy = button(t.share_copy, { id: "wwc-sc-share-copy" });
    copy.addEventListener("click", () => {
      this.copyLink();
    });
    this.info = element("p", "wwc-sc-share-info");
    this.info.id = "wwc-sc-share-info";
    this.info.setAttribute("role", "status");
    this.output.append(label, this.link, copy);
    this.root.replaceChildren(
      heading,
      element("p", "wwc-sc-hint", t.share_intro),
      element("p", "wwc-sc-hint wwc-sc-share-no-history", t.share_no_history),
      this.ticks.wrapper,
      this.notes.wrapper,
      this.passphrase.wrapper,
      make,
      this.output,
      this.info,
    );
    this.root.hidden = false;
  }

  makeLink() {
    const settings = this.ctx.settings.share;
    const options = { ticks: this.ticks.input.checked, notes: this.notes.input.checked };
    const passphrase = this.passphrase.input.value;
    return share
      .encode(this.ctx.model.current(), options)
      .then((token) => seal(token, passphrase))
      .then((token) => {
        const url = share.linkFor(window.location.href, settings.fragment, token);
        this.link.value = url;
        this.output.hidden = false;
        const template = url.length > settings.email_chars ? this.texts.share_too_long : this.texts.share_length;
        this.info.textContent =
          format(template, { length: url.length, limit: settings.email_chars }) +
          (passphrase ? this.texts.passphrase_protected : "");
        this.link.focus();
        this.link.select();
      });
  }

  copyLink() {
    this.link.select();
    const done = () => {
      this.info.textContent = this.texts.share_copied;
    };
    if (navigator.clipboard?.writeText) {
      navigator.clipboard.writeText(this.link.value).then(done, () => {
        // The clipboard can be refused (permissions, file://); the link stays selected to copy by hand.
      });
    }
  }
}
