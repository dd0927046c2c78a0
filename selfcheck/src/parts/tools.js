/*
 * Save, share and print (#wwc-sc-tools): the open assessment's name, city and report date (the
 * page's only fields for them: the report and the CSV read them), export, import, start over with
 * one undo, print and the messages. Whether saving works is the storage banner's to say. Export and
 * import are the Transfer helper's (transfer.js).
 */

import { ELEMENTS } from "../elements.js";
import { format, formatCount } from "../lib/format.js";
import { applyUndo, undoRecord } from "../lib/undo.js";
import { element, requireElement } from "../view/dom.js";
import { Transfer } from "./transfer.js";

const IDENTITY = { city: ELEMENTS.city, date: ELEMENTS.date, name: ELEMENTS.name };

export class Tools {
  /**
   * @param {HTMLElement} root #wwc-sc-tools
   * @param {any} sc the controller (app.js)
   * @param {HTMLDialogElement} dialog the start-over confirmation (#wwc-sc-confirm), outside the root
   */
  constructor(root, sc, dialog) {
    this.root = root;
    this.sc = sc;
    this.dialog = dialog;
    this.texts = sc.texts;
    this.undo = null;
    /** @type {Map<string, string>} each identity field's value as this tab last saw it stored */
    this.bases = new Map();
    this.transfer = new Transfer(this, sc);
    this.bind();
  }

  /**
   * An element of this part by id.
   * @param {string} id
   * @returns {any}
   */
  find(id) {
    return requireElement(this.root, `#${id}`);
  }

  /**
   * An element of the start-over dialog by id.
   * @param {string} id
   * @returns {any}
   */
  inDialog(id) {
    return requireElement(this.dialog, `#${id}`);
  }

  /* Where a new assessment's name is typed (the manager sends the user here). */
  focusName() {
    this.find(IDENTITY.name).focus();
  }

  bind() {
    this.find(ELEMENTS.export).addEventListener("click", () => {
      this.transfer.exportAnswers();
    });
    this.find(ELEMENTS.import_file).addEventListener("change", (event) => {
      this.transfer.importFile(event.target);
    });
    this.find(ELEMENTS.start_over).addEventListener("click", () => {
      this.askStartOver();
    });
    this.find(ELEMENTS.undo).addEventListener("click", () => {
      this.undoLast();
    });
    this.find(ELEMENTS.print).addEventListener("click", () => {
      this.sc.print();
    });
    this.inDialog(ELEMENTS.confirm_yes).addEventListener("click", () => {
      this.closeConfirm(true);
    });
    this.inDialog(ELEMENTS.confirm_no).addEventListener("click", () => {
      this.closeConfirm(false);
    });
    this.dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      this.closeConfirm(false);
    });
    for (const key of Object.keys(IDENTITY)) {
      const input = this.find(IDENTITY[key]);
      const save = () => this.saveIdentity(key, input.value.slice(0, this.sc.limits[key] || 200));
      input.addEventListener("input", save);
      input.addEventListener("change", save);
    }
  }

  /**
   * Save the name, city or date over the latest stored assessment. When another tab changed it
   * after this tab last saw it, this tab's text is kept and the other is shown.
   * @param {string} key
   * @param {string} value
   */
  saveIdentity(key, value) {
    if (this.sc.model.current()[key] === value) {
      return;
    }
    const base = this.bases.get(key) ?? "";
    /** @type {string | null} */
    let other = null;
    this.sc.change(
      null,
      (assessment) => {
        const stored = typeof assessment[key] === "string" ? assessment[key] : "";
        if (stored !== base && stored !== value) {
          other = stored;
        }
        assessment[key] = value;
      },
      { identity: true },
    );
    this.bases.set(key, value);
    if (other !== null) {
      const field = this.texts[`${key}_label`];
      this.showNotice(format(this.texts.identity_overwritten, { field, other }));
    }
  }

  update(view) {
    for (const key of Object.keys(IDENTITY)) {
      const input = this.find(IDENTITY[key]);
      const value = typeof view.assessment[key] === "string" ? view.assessment[key] : "";
      // Never overwrite what is being typed in this tab: saving it then says if the stored text moved on.
      if (document.activeElement !== input) {
        if (input.value !== value) {
          input.value = value;
        }
        this.bases.set(key, value);
      }
    }
  }

  clearMessages() {
    this.find(ELEMENTS.alert).replaceChildren();
    this.find(ELEMENTS.notice).replaceChildren();
  }

  showAlert(message) {
    this.clearMessages();
    this.find(ELEMENTS.alert).appendChild(element("p", null, message));
  }

  /* message: text; listItems: texts; link: { text, href } shown after the message. */
  showNotice(message, listItems, link) {
    this.clearMessages();
    const notice = this.find(ELEMENTS.notice);
    const paragraph = element("p", null, message);
    if (link) {
      const anchor = element("a", null, link.text);
      anchor.setAttribute("href", link.href);
      paragraph.append(" ", anchor);
    }
    notice.appendChild(paragraph);
    if (listItems?.length) {
      const list = element("ul", "wwc-sc-unmatched");
      listItems.forEach((line) => {
        list.appendChild(element("li", null, line));
      });
      notice.appendChild(list);
    }
  }

  askStartOver() {
    const count = Object.keys(this.sc.model.current().answers).length;
    if (!count) {
      this.showNotice(this.texts.nothing_to_clear);
      return;
    }
    const question = formatCount(this.texts.confirm_start_over, count, {
      count: count,
      edition: this.sc.edition.short_title,
    });
    const dialog = this.dialog;
    if (typeof dialog.showModal !== "function") {
      // No <dialog> support: the browser's own confirmation still asks first.
      if (window.confirm(question)) {
        this.startOver();
      }
      return;
    }
    this.inDialog(ELEMENTS.confirm_text).textContent = question;
    dialog.showModal();
    this.inDialog(ELEMENTS.confirm_no).focus();
  }

  closeConfirm(confirmed) {
    const dialog = this.dialog;
    if (dialog.open) {
      dialog.close();
    }
    if (confirmed) {
      this.startOver();
    } else {
      this.find(ELEMENTS.start_over).focus();
    }
  }

  /* Replace answers and evidence (and, from an imported file, name, city and date), keeping
     the old ones for one undo. */
  replaceWork(answers, evidence, identity) {
    const current = this.sc.model.current();
    this.undo = undoRecord({ answers: current.answers, evidence: current.evidence }, { answers, evidence });
    this.sc.change(
      null,
      (assessment) => {
        assessment.answers = answers;
        assessment.evidence = evidence;
        Object.keys(identity || {}).forEach((key) => {
          assessment[key] = identity[key];
        });
      },
      { keepUndo: true },
    );
    this.find(ELEMENTS.undo).hidden = false;
  }

  startOver() {
    this.replaceWork({}, {});
    this.showNotice(this.texts.cleared);
    this.find(ELEMENTS.undo).focus();
  }

  forgetUndo() {
    if (this.undo) {
      this.undo = null;
      this.find(ELEMENTS.undo).hidden = true;
    }
  }

  undoLast() {
    if (!this.undo) {
      return;
    }
    const saved = this.undo;
    this.forgetUndo();
    // Only what the replacement changed comes back: an answer another tab gave since stays.
    this.sc.change(null, (assessment) => {
      applyUndo(assessment, saved);
    });
    this.showNotice(this.texts.restored);
    this.find(ELEMENTS.start_over).focus();
  }
}
