/*
 * View part of the self-check: compare two assessments of this edition (or one with a shared
 * link) in tables that print: tier and criteria met of each, met per group, and per criterion
 * what improved, worsened or changed (only what changed, on request). The figures come from lib/merge.js compare.
 */

import { merge, scoring } from "../lib/index.js";
import { format } from "../lib/format.js";
import { compareChart } from "../view/area-chart.js";
import { headRow, scrollBox } from "../view/controls.js";
import { element } from "../view/dom.js";
import { ContextPart } from "../view/part.js";

function cells(row, values, header) {
  values.forEach((value, index) => {
    const cell = element(index === 0 && header ? "th" : "td", null, value);
    if (index === 0 && header) {
      cell.setAttribute("scope", "row");
    }
    row.appendChild(cell);
  });
  return row;
}

export class Compare extends ContextPart {
  constructor(root, ctx) {
    super(root, ctx);
    this.build();
  }

  select(id, label) {
    const wrapper = element("span", "wwc-sc-field");
    const labelNode = element("label", null, label);
    labelNode.setAttribute("for", id);
    const select = element("select");
    select.id = id;
    wrapper.append(labelNode, select);
    return { wrapper: wrapper, select: select };
  }

  build() {
    const t = this.texts;
    const heading = element("h2", null, t.compare_heading);
    heading.id = "wwc-sc-compare-heading";
    this.root.setAttribute("aria-labelledby", heading.id);
    this.from = this.select("wwc-sc-compare-from", t.compare_from);
    this.to = this.select("wwc-sc-compare-to", t.compare_to);
    this.go = element("button", "wwc-sc-button", t.compare_button);
    this.go.type = "button";
    this.go.id = "wwc-sc-compare-go";
    this.go.addEventListener("click", () => {
      this.compareChosen();
    });
    this.print = element("button", "wwc-sc-button", t.compare_print);
    this.print.type = "button";
    this.print.id = "wwc-sc-compare-print";
    this.print.hidden = true;
    this.print.addEventListener("click", () => {
      this.printComparison();
    });
    this.note = element("p", "wwc-sc-hint");
    this.output = element("div", "wwc-sc-compare-output");
    this.output.id = "wwc-sc-compare-output";
    const choices = element("div", "wwc-sc-compare-choices");
    choices.append(this.from.wrapper, this.to.wrapper);
    const buttons = element("div", "wwc-sc-buttons");
    buttons.append(this.go, this.print);
    this.root.replaceChildren(heading, this.note, choices, buttons, this.output);
    this.root.hidden = false;
  }

  /* The choices: every assessment of this edition, newest last in "Later" by default. */
  render() {
    const editionId = this.ctx.edition.id;
    // Keep the user's choice across re-renders, unless it compares an assessment with itself.
    const keepChoice = this.from.select.value !== this.to.select.value;
    const list = this.ctx.model
      .list()
      .filter((a) => a.edition === editionId)
      .sort((a, b) => (a.created < b.created ? -1 : 1));
    this.list = list;
    [this.from.select, this.to.select].forEach(function (select, which) {
      const keep = select.value;
      select.replaceChildren();
      list.forEach(function (assessment) {
        const option = element("option", null, assessment.name || this.texts.new_name);
        option.value = assessment.id;
        select.appendChild(option);
      }, this);
      if (keepChoice && keep && list.some((a) => a.id === keep)) {
        select.value = keep;
      } else if (list.length) {
        select.value = list[which === 0 ? Math.max(0, list.length - 2) : list.length - 1].id;
      }
    }, this);
    const enough = list.length >= 2;
    this.note.textContent = enough ? "" : this.texts.compare_need_two;
    this.go.disabled = !enough;
  }

  compareChosen() {
    const model = this.ctx.model;
    const from = model.get(this.from.select.value);
    const to = model.get(this.to.select.value);
    if (from && to) {
      this.show(from, to, from.name, to.name);
    }
  }

  /* Compare the open assessment (earlier) with an incoming one (later), e.g. from a link. */
  compareWith(incoming, label) {
    const current = this.ctx.model.current();
    this.show(current, incoming, current.name || this.texts.new_name, `${incoming.name || ""} (${label})`);
  }

  show(from, to, fromName, toName) {
    const t = this.texts;
    const edition = this.ctx.edition;
    const result = merge.compare(edition, from, to, scoring);
    const caption = format(t.compare_caption, { from: fromName, to: toName });
    const summary = element("table", "wwc-sc-compare-table");
    summary.id = "wwc-sc-compare-summary";
    summary.appendChild(element("caption", null, caption));
    summary.appendChild(headRow([t.compare_col_item, fromName, toName]));
    const body = element("tbody");
    body.appendChild(
      cells(element("tr"), [t.compare_tier, this.tierName(result.from.tier), this.tierName(result.to.tier)], true),
    );
    body.appendChild(cells(element("tr"), [t.compare_met, this.metText(result.from), this.metText(result.to)], true));
    summary.appendChild(body);

    const groups = element("table", "wwc-sc-compare-table");
    groups.id = "wwc-sc-compare-groups";
    groups.appendChild(
      element("caption", null, format(t.compare_groups_caption, { group: edition.group_label.toLowerCase() })),
    );
    groups.appendChild(headRow([edition.group_label, fromName, toName, t.compare_col_change]));
    const groupBody = element("tbody");
    result.groups.forEach((group, index) => {
      const delta = group.delta > 0 ? `+${group.delta}` : String(group.delta);
      groupBody.appendChild(
        cells(
          element("tr"),
          [
            edition.groups[index].name,
            `${group.from.met} / ${group.from.total}`,
            `${group.to.met} / ${group.to.total}`,
            delta,
          ],
          true,
        ),
      );
    });
    groups.appendChild(groupBody);

    const criteria = element("table", "wwc-sc-compare-table");
    criteria.id = "wwc-sc-compare-criteria";
    criteria.appendChild(element("caption", null, t.compare_criteria_caption));
    criteria.appendChild(headRow([edition.item_label, fromName, toName, t.compare_col_change]));
    const criteriaBody = element("tbody");
    // By the change: compare_improved, compare_worsened, compare_changed, compare_same (named here
    // so a search for a text finds where it is used).
    result.criteria.forEach(function (row) {
      const tr = cells(
        element("tr"),
        [row.id, this.answerLabel(row.from), this.answerLabel(row.to), t[`compare_${row.change}`]],
        true,
      );
      tr.setAttribute("data-wwc-change", row.change);
      tr.setAttribute("data-wwc-criterion", row.id);
      criteriaBody.appendChild(tr);
    }, this);
    criteria.appendChild(criteriaBody);

    const tally = element("p", "wwc-sc-compare-tally", format(t.compare_tally, result.tally));
    tally.id = "wwc-sc-compare-tally";
    const order = element(
      "p",
      "wwc-sc-hint",
      format(t.compare_order, { order: edition.answer_states.map((state) => state.label).join(" > ") }),
    );
    this.output.replaceChildren(
      scrollBox(summary, caption),
      tally,
      order,
      this.onlyChangedToggle(criteriaBody),
      compareChart(edition, result.groups, {
        label: format(t.compare_chart_label, {
          items: edition.item_label_plural,
          group: edition.group_label.toLowerCase(),
          first: fromName,
          second: toName,
        }),
        first: fromName,
        second: toName,
        uid: "wwc-sc-compare-chart",
      }),
      scrollBox(groups, groups.caption?.textContent || caption),
      scrollBox(criteria, t.compare_criteria_caption),
    );
    this.print.hidden = false;
    this.root.hidden = false;
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }

  /* A checkbox that hides the unchanged rows of the criteria table (and shows them again). */
  onlyChangedToggle(body) {
    const wrapper = element("p", "wwc-sc-check wwc-sc-compare-only");
    const box = element("input");
    box.type = "checkbox";
    box.id = "wwc-sc-compare-only-changed";
    const label = element("label", null, this.texts.compare_only_changed);
    label.setAttribute("for", box.id);
    box.checked = Boolean(this.onlyChanged);
    const apply = () => {
      this.onlyChanged = box.checked;
      Array.prototype.forEach.call(body.querySelectorAll('tr[data-wwc-change="same"]'), (row) => {
        row.hidden = box.checked;
      });
    };
    box.addEventListener("change", apply);
    apply();
    wrapper.append(box, label);
    return wrapper;
  }

  tierName(tierId) {
    const tier = this.ctx.edition.tiers.filter((item) => item.id === tierId)[0];
    return tier ? tier.name : this.ctx.edition.not_certified_label;
  }

  metText(score) {
    return `${score.met} / ${score.total} (${score.percent}%)`;
  }

  answerLabel(answer) {
    if (answer === null) {
      return this.texts.compare_unanswered;
    }
    const state = this.ctx.edition.answer_states.filter((item) => item.id === answer)[0];
    return state ? state.label : answer;
  }

  /* Print only the comparison: a class on <html> lets the print stylesheet hide the rest. */
  printComparison() {
    const html = document.documentElement;
    html.classList.add("wwc-sc-printing-compare");
    const done = () => {
      html.classList.remove("wwc-sc-printing-compare");
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  }
}
