/*
 * The coordinator's preview of a reply (#wwc-sc-reply-preview): every change the reply brings,
 * attributed (who, when), conflicts (both sides changed the same item since the request) side by
 * side with a choice per item. Nothing is applied until "Apply"; "Cancel" changes nothing. After
 * Apply the request is merged and the history attributes each change (lib/requests.applyReply).
 * User text goes in through textContent only.
 */

import { applyReply, markAnswered, previewReply } from "../lib/requests.js";
import { format, formatCount } from "../lib/format.js";
import { button, headRow, scrollBox } from "../view/controls.js";
import { element } from "../view/dom.js";
import { ContextPart } from "../view/part.js";

export class ReplyPreview extends ContextPart {
  /**
   * @param {HTMLElement} root
   * @param {any} ctx multi.js's context, plus change(fn), person(), checklists, forgetLink()
   */
  constructor(root, ctx) {
    super(root, ctx);
    this.id = root.id;
    root.hidden = true;
  }

  /**
   * Preview `reply` against the open assessment; refusals (other-assessment, unknown-request,
   * already-merged) are handed back to the opener, with nothing stored.
   * @param {import("../lib/requests.js").Reply} reply
   */
  show(reply) {
    const previewed = previewReply({ assessment: this.ctx.model.current(), reply });
    if (!previewed.ok) {
      return previewed;
    }
    this.reply = reply;
    this.preview = previewed.preview;
    // The list says a reply came back (a state only; answers and evidence are untouched).
    const listed = (this.ctx.model.current().requests || []).find((item) => item.id === reply.request);
    if (listed && listed.state === "sent") {
      this.ctx.change((/** @type {any} */ assessment) => {
        assessment.requests = markAnswered(assessment, reply.request, new Date()).requests;
      });
    }
    this.render();
    return { ok: true };
  }

  render() {
    const t = this.texts;
    const preview = this.preview;
    const heading = element("h3", null, format(t.reply_heading, { from: preview.from }));
    heading.id = `${this.id}-heading`;
    heading.setAttribute("tabindex", "-1");
    this.root.setAttribute("aria-labelledby", heading.id);
    const summary = element(
      "p",
      null,
      format(t.reply_summary, {
        date: preview.created.slice(0, 10),
        count: this.reply.criteria.length,
        there: preview.counts.there,
        conflict: preview.counts.conflict,
        here: preview.counts.here,
      }),
    );
    const shown = preview.items.filter((item) => item.kind === "there" || item.kind === "conflict");
    const nodes = [heading, summary];
    if (shown.length) {
      const table = element("table", "wwc-sc-table wwc-sc-reply-table");
      table.append(element("caption", null, t.reply_caption));
      table.append(
        headRow([t.reply_col_criterion, t.reply_col_item, t.reply_col_here, t.reply_col_there, t.reply_col_choice]),
      );
      const body = element("tbody");
      shown.forEach((item, index) => {
        body.append(this.row(item, index));
      });
      table.append(body);
      nodes.push(scrollBox(table, t.reply_caption));
    } else {
      nodes.push(element("p", null, t.reply_nothing));
    }
    const apply = button(t.reply_apply, { id: `${this.id}-apply` });
    apply.addEventListener("click", () => this.apply());
    const cancel = button(t.reply_cancel, { id: `${this.id}-cancel` });
    cancel.addEventListener("click", () => this.cancel());
    const buttons = element("div", "wwc-sc-buttons");
    buttons.append(apply, cancel);
    this.said = element("p", "wwc-sc-reply-said");
    this.said.id = `${this.id}-said`;
    this.said.setAttribute("role", "status");
    nodes.push(buttons, this.said);
    this.root.replaceChildren(...nodes);
    this.root.hidden = false;
    heading.focus();
  }

  /** @param {any} item @param {number} index */
  row(item, index) {
    const t = this.texts;
    const row = element("tr");
    row.setAttribute("data-wwc-item-key", item.key);
    row.setAttribute("data-wwc-kind", item.kind);
    const criterion = element("th", null, item.criterion);
    criterion.setAttribute("scope", "row");
    row.append(criterion, element("td", null, this.itemName(item)));
    row.append(this.valueCell(item.here, item.hereBy, item), this.valueCell(item.there, item.thereBy, item));
    const choice = element("td", "wwc-sc-reply-choice");
    if (item.kind === "conflict") {
      choice.append(element("span", "wwc-sc-reply-conflict", `${t.reply_conflict}: `));
      for (const [side, label] of [
        ["here", t.reply_keep_here],
        ["there", t.reply_take_there],
      ]) {
        const input = element("input");
        input.type = "radio";
        input.name = `${this.id}-choice-${index}`;
        input.id = `${this.id}-choice-${index}-${side}`;
        input.value = side;
        input.setAttribute("data-wwc-key", item.key);
        const labelNode = element("label", null, label);
        labelNode.setAttribute("for", input.id);
        const option = element("span", "wwc-sc-option");
        option.append(input, labelNode);
        choice.append(option);
      }
    } else {
      choice.textContent = t.reply_take_there;
    }
    row.append(choice);
    return row;
  }

  /** @param {any} item */
  itemName(item) {
    const t = this.texts;
    if (item.field.startsWith("tick:")) {
      return this.ctx.checklists.itemText(item.criterion, item.field.slice(5));
    }
    // By the field: item_answer, item_notes, item_owner, item_due, item_links.
    return t[`item_${item.field}`] || item.field;
  }

  /** @param {any} value @param {{who: string, at: string} | null} by @param {any} item */
  valueCell(value, by, item) {
    const cell = element("td", null, this.valueText(value, item));
    if (by) {
      cell.append(
        element("br"),
        element(
          "span",
          "wwc-sc-hint",
          format(this.texts.reply_by, { who: by.who, date: by.at.slice(0, 16).replace("T", " ") }),
        ),
      );
    }
    return cell;
  }

  /** @param {any} value @param {any} item */
  valueText(value, item) {
    const t = this.texts;
    if (item.field === "answer") {
      const state = this.ctx.edition.answer_states.find((/** @type {any} */ s) => s.id === value);
      return state ? state.label : t.item_unanswered;
    }
    if (item.field.startsWith("tick:")) {
      return value ? t.item_ticked : t.item_not_ticked;
    }
    if (item.field === "links") {
      const links = Array.isArray(value) ? value : [];
      return links.length ? links.map((link) => link.url).join(" ") : t.item_empty;
    }
    return value ? String(value) : t.item_empty;
  }

  choices() {
    /** @type {Record<string, string>} */
    const choices = {};
    for (const input of this.root.querySelectorAll("input[data-wwc-key]:checked")) {
      choices[input.getAttribute("data-wwc-key") || ""] = /** @type {HTMLInputElement} */ (input).value;
    }
    return choices;
  }

  apply() {
    const t = this.texts;
    const assessment = this.ctx.model.current();
    const listed = (assessment.requests || []).find((item) => item.id === this.preview.request);
    const who = this.ctx.person() || (listed ? listed.from : "") || this.preview.from;
    const applied = /** @type {any} */ (applyReply(assessment, this.preview, this.choices(), who, new Date()));
    if (!applied.ok) {
      const code = applied.error.code;
      this.said.setAttribute("role", "alert");
      if (code === "unresolved") {
        const keys = applied.error.detail.split(" ");
        this.said.textContent = format(t.reply_unresolved, { count: keys.length });
        const first = Array.from(this.root.querySelectorAll("input[data-wwc-key]")).find(
          (input) => input.getAttribute("data-wwc-key") === keys[0],
        );
        /** @type {HTMLElement | undefined} */ (first)?.focus();
        return applied;
      }
      this.said.textContent =
        code === "changed-since-preview"
          ? t.reply_changed_since
          : format(t.reply_apply_failed, { reason: this.ctx.errorText(code, applied.error.detail) });
      this.said.focus();
      return applied;
    }
    const next = applied.assessment;
    // applyReply wrote the history, each change in the name of who made it in the department.
    this.ctx.change(
      (/** @type {any} */ stored) => {
        stored.answers = next.answers;
        stored.evidence = next.evidence;
        stored.history = next.history;
        stored.requests = next.requests;
      },
      { recorded: true },
    );
    this.ctx.forgetLink();
    this.done(formatCount(t.reply_applied, applied.applied, { count: applied.applied, from: this.preview.from }));
    return applied;
  }

  cancel() {
    this.ctx.forgetLink();
    this.done(this.texts.reply_cancelled);
  }

  /** The preview is over: only the sentence saying what happened stays, and takes focus. @param {string} text */
  done(text) {
    const said = element("p", "wwc-sc-reply-said", text);
    said.id = `${this.id}-said`;
    said.setAttribute("role", "status");
    said.setAttribute("tabindex", "-1");
    this.root.replaceChildren(said);
    this.preview = null;
    said.focus();
  }
}
