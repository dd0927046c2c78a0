/*
 * The links to the city's own documents in one evidence panel: a list (each link with its remove
 * button) and two fields to add one. Links are shown as text links, never fetched, and only http(s)
 * addresses are accepted. Every text goes in through textContent or setAttribute.
 */

import { format } from "../lib/format.js";
import { button } from "../view/controls.js";
import { element, setText } from "../view/dom.js";
import { entryOf, httpUrl, readEntry } from "../view/evidence-entry.js";

export class EvidenceLinks {
  /** @param {import("./evidence-panel.js").EvidencePanel} panel the panel they belong to */
  constructor(panel) {
    this.panel = panel;
    /** @type {any} */
    this.list = null;
    /** @type {HTMLElement | null} the empty state, shown while there is no link */
    this.none = null;
  }

  /* The list and the fields to add one; returns the wrapper to place in the panel. */
  build() {
    const texts = this.panel.sc.texts;
    const limits = this.panel.sc.limits;
    const wrapper = element("div", "wwc-sc-links");
    const heading = element("p", "wwc-sc-more-heading", texts.links_label);
    heading.id = `${this.panel.idBase}-links-heading`;
    const list = element("ul", "wwc-sc-link-list");
    this.none = element("p", "wwc-sc-links-none", texts.links_none);
    list.setAttribute("aria-labelledby", heading.id);
    const add = element("div", "wwc-sc-link-add");
    const textField = this.panel.field("link-text", texts.link_text_label, "input", "text");
    const urlField = this.panel.field("link-url", texts.link_url_label, "input", "url");
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
    wrapper.append(heading, this.none, list, add, message);
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
    this.list = list;
    return wrapper;
  }

  /**
   * @param {HTMLInputElement} textInput
   * @param {HTMLInputElement} urlInput
   * @param {HTMLElement} message
   */
  addLink(textInput, urlInput, message) {
    const texts = this.panel.sc.texts;
    const limits = this.panel.sc.limits;
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
    const current = readEntry(this.panel.sc.model.current(), this.panel.id).links || [];
    if (current.length >= limits.links) {
      setText(message, format(texts.link_too_many, { max: limits.links }));
      return;
    }
    const label = textInput.value.trim().slice(0, limits.link_text) || url;
    setText(message, "");
    this.panel.sc.change(this.panel.id, (/** @type {any} */ assessment) => {
      entryOf(assessment, this.panel.id).links.push({ text: label, url });
    });
    textInput.value = "";
    urlInput.value = "";
    textInput.focus();
  }

  /** @param {number} index */
  removeLink(index) {
    this.panel.sc.change(this.panel.id, (/** @type {any} */ assessment) => {
      entryOf(assessment, this.panel.id).links.splice(index, 1);
    });
    const list = this.list;
    const buttons = list.querySelectorAll("button");
    (buttons[Math.min(index, buttons.length - 1)] || list.parentNode.querySelector("input")).focus();
  }

  /** @param {any[]} links */
  render(links) {
    const texts = this.panel.sc.texts;
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
    this.list.replaceChildren(...items);
    this.list.hidden = items.length === 0;
    if (this.none) {
      this.none.hidden = items.length > 0;
    }
  }
}
