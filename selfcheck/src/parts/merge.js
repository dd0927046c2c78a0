/*
 * The merge panel (#wwc-sc-merge): per criterion, keep here or take the import; or replace
 * everything, with an undo that lasts until the next import. User text goes in through textContent
 * only.
 */

import { merge } from "../lib/index.js";
import { format, formatCount } from "../lib/format.js";
import { button, headRow, scrollBox } from "../view/controls.js";
import { element } from "../view/dom.js";
import { ContextPart } from "../view/part.js";

export class Merge extends ContextPart {
  constructor(root, ctx) {
    super(root, ctx);
    this.undo = null;
    root.hidden = true;
  }

  answerLabel(answer) {
    const state = this.ctx.edition.answer_states.filter((item) => item.id === answer)[0];
    return answer === null ? this.texts.merge_none : state ? state.label : answer;
  }

  sideText(side, other) {
    const text = this.answerLabel(side.answer);
    return side.evidence && JSON.stringify(side.evidence) !== JSON.stringify(other.evidence)
      ? `${text} (${this.texts.merge_evidence_differs})`
      : text;
  }

  /* Show every criterion where the open assessment and `incoming` differ, with a choice each. */
  open(incoming) {
    const t = this.texts;
    const here = this.ctx.model.current();
    this.incoming = incoming;
    this.rows = merge.diff(this.ctx.edition, here, incoming);
    const counts = merge.counts(this.rows);
    const heading = element(
      "h2",
      null,
      format(t.merge_heading, { there: incoming.name || t.new_name, here: here.name || t.new_name }),
    );
    heading.id = "wwc-sc-merge-heading";
    this.root.setAttribute("aria-labelledby", heading.id);
    const summary = element(
      "p",
      "wwc-sc-merge-summary",
      format(t.merge_summary, {
        same: counts.same,
        differ: counts.differ,
        only_here: counts["only-here"],
        only_there: counts["only-there"],
      }),
    );
    summary.id = "wwc-sc-merge-summary";
    const nodes = [heading, summary];
    const differing = this.rows.filter((row) => row.kind !== "same");
    if (!differing.length) {
      nodes.push(element("p", null, t.nothing_differs));
    } else {
      nodes.push(scrollBox(this.table(differing), this.texts.merge_caption));
    }
    const apply = button(t.merge_apply, { id: "wwc-sc-merge-apply" });
    apply.addEventListener("click", () => {
      this.apply();
    });
    const replace = button(t.merge_replace, { id: "wwc-sc-merge-replace" });
    replace.addEventListener("click", () => {
      this.replace();
    });
    const cancel = button(t.merge_cancel, { id: "wwc-sc-merge-cancel" });
    cancel.addEventListener("click", () => {
      this.close();
    });
    const buttons = element("div", "wwc-sc-buttons");
    buttons.append(apply, replace, cancel);
    nodes.push(buttons);
    this.root.replaceChildren.apply(this.root, nodes);
    this.root.hidden = false;
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }

  table(rows) {
    const t = this.texts;
    const table = element("table", "wwc-sc-merge-table");
    table.id = "wwc-sc-merge-table";
    table.appendChild(element("caption", null, t.merge_caption));
    const thead = headRow([t.merge_col_criterion, t.merge_col_here, t.merge_col_there]);
    const body = element("tbody");
    rows.forEach(function (row) {
      body.appendChild(this.tableRow(row));
    }, this);
    table.append(thead, body);
    return table;
  }

  choice(row, side, label) {
    const id = `wwc-sc-merge-${row.id}-${side}`;
    const wrapper = element("span", "wwc-sc-option");
    const input = element("input");
    input.type = "radio";
    input.name = `wwc-sc-merge-${row.id}`;
    input.id = id;
    input.value = side;
    input.checked = row.choice === side;
    input.addEventListener("change", () => {
      row.choice = side;
    });
    const labelNode = element("label", null, label);
    labelNode.setAttribute("for", id);
    wrapper.append(input, labelNode);
    return wrapper;
  }

  tableRow(row) {
    const t = this.texts;
    const tr = element("tr");
    tr.setAttribute("data-wwc-merge", row.id);
    tr.setAttribute("data-wwc-kind", row.kind);
    const th = element("th", null, row.id);
    th.setAttribute("scope", "row");
    const here = element("td");
    here.append(
      element("span", "wwc-sc-merge-value", this.sideText(row.here, row.there)),
      this.choice(row, "here", t.merge_keep_here),
    );
    const there = element("td");
    there.append(
      element("span", "wwc-sc-merge-value", this.sideText(row.there, row.here)),
      this.choice(row, "there", t.merge_take_there),
    );
    tr.append(th, here, there);
    return tr;
  }

  apply() {
    const choices = {};
    let taken = 0;
    this.rows.forEach((row) => {
      choices[row.id] = row.choice;
      if (row.choice === "there" && row.kind !== "same") {
        taken += 1;
      }
    });
    const merged = merge.apply(this.ctx.model.current(), this.incoming, choices);
    this.finish(this.ctx.model.importInto(merged), formatCount(this.texts.merge_done, taken, { taken: taken }));
  }

  replace() {
    const current = this.ctx.model.current();
    const replaced = merge.replaceAll(this.ctx.edition, current, this.incoming);
    // A plain replace takes the file's city and report date too (the undo restores them).
    replaced.city = this.incoming.city || current.city || "";
    replaced.date = this.incoming.date || current.date || "";
    this.finish(this.ctx.model.importInto(replaced), this.texts.replaced);
  }

  finish(result, message) {
    this.close();
    this.ctx.changed(result);
    this.ctx.reload();
    this.ctx.refreshParts();
    this.ctx.showUndoImport(message);
  }

  close() {
    this.root.hidden = true;
    this.root.replaceChildren();
  }
}
