/*
 * The person's name (lib/person-setting.js): the control that sets it, in the assessments view
 * (#wwc-sc-person), and the one line where one answers (#wwc-sc-person-line) that says under
 * which name changes are recorded, with a link to change it. Without a name the line invites
 * once, in the same small place; it never interrupts.
 */

import { ELEMENTS } from "../elements.js";
import { format } from "../lib/format.js";
import { NAME_MAX } from "../lib/people.js";
import { currentPerson, onPersonChange, setPerson } from "../lib/person-setting.js";
import { element, requireElement } from "../view/dom.js";

/** The control that sets the name. */
export class PersonSetting {
  /**
   * @param {HTMLElement} root
   * @param {Record<string, string>} texts
   */
  constructor(root, texts) {
    this.root = root;
    this.texts = texts;
    // The form is the server's (macros/templates/selfcheck/page.html): filled and bound here.
    const input = /** @type {HTMLInputElement} */ (requireElement(root, `#${root.id}-name`));
    input.value = currentPerson();
    input.maxLength = NAME_MAX * 2;
    this.input = input;
    requireElement(root, `#${root.id}-save`).addEventListener("click", () => this.save());
    input.addEventListener("keydown", (/** @type {KeyboardEvent} */ event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.save();
      }
    });
    this.message = requireElement(root, `#${root.id}-message`);
    onPersonChange((name) => {
      if (document.activeElement !== input) {
        input.value = name;
      }
    });
  }

  save() {
    const result = setPerson(this.input.value);
    const t = this.texts;
    if (result.ok === false) {
      const refusal = {
        "too-long": format(t.person_refused_too_long, { max: NAME_MAX }),
        "control-characters": t.person_refused_control,
      };
      this.message.textContent = refusal[result.reason] || t.person_refused_empty;
      this.input.setAttribute("aria-invalid", "true");
      return;
    }
    this.input.removeAttribute("aria-invalid");
    this.input.value = result.name;
    this.message.textContent = format(result.saved ? t.person_saved : t.person_saved_memory, { name: result.name });
  }
}

/** The line where one answers: "Changes are recorded as Ana. Change". */
export class PersonLine {
  /**
   * @param {HTMLElement} root
   * @param {Record<string, string>} texts
   */
  constructor(root, texts) {
    this.root = root;
    this.texts = texts;
    onPersonChange(() => this.render());
    this.render();
  }

  render() {
    const name = currentPerson();
    const t = this.texts;
    const link = element("a", "wwc-sc-person-change", name ? t.person_line_change : t.person_line_set);
    // An element inside the assessments view: the views show that view and focus the field.
    link.setAttribute("href", `#${ELEMENTS.person}-name`);
    const words = name ? format(t.person_line_named, { name }) : t.person_line_unnamed;
    this.root.replaceChildren(words, " ", link);
    this.root.hidden = false;
  }
}
