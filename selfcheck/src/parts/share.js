/*
 * View parts of the self-check: share by link (make a link of the open assessment; open a link
 * and choose what to do with it) and the merge panel (per criterion, keep here or take the
 * import; or replace everything, with an undo that lasts until the next import).
 * Nothing is replaced without the user asking. User text goes in through textContent only.
 *
 * ctx: as in wwc-sc-assessments.js, plus compareWith(assessment, label) (the compare part).
 */

import { merge, scoring, share } from "../lib/index.js";
import { format } from "../lib/format.js";
import { element } from "../view/dom.js";

function button(label, id) {
  const node = element("button", "wwc-sc-button", label);
  node.type = "button";
  if (id) {
    node.id = id;
  }
  return node;
}

function checkbox(id, label) {
  const wrapper = element("span", "wwc-sc-option");
  const input = element("input");
  input.type = "checkbox";
  input.id = id;
  const labelNode = element("label", null, label);
  labelNode.setAttribute("for", id);
  wrapper.append(input, labelNode);
  return { wrapper: wrapper, input: input };
}

/* ---- making a link ------------------------------------------------------------------- */

export class Share {
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.texts = ctx.texts;
    this.build();
  }

  build() {
    const t = this.texts;
    const heading = element("h2", null, t.share_heading);
    heading.id = "wwc-sc-share-heading";
    this.root.setAttribute("aria-labelledby", heading.id);
    this.ticks = checkbox("wwc-sc-share-ticks", t.share_ticks);
    this.notes = checkbox("wwc-sc-share-notes", t.share_notes);
    const make = button(t.share_button, "wwc-sc-share-make");
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
    const copy = button(t.share_copy, "wwc-sc-share-copy");
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
      this.ticks.wrapper,
      this.notes.wrapper,
      make,
      this.output,
      this.info,
    );
    this.root.hidden = false;
  }

  makeLink() {
    const settings = this.ctx.settings.share;
    const options = { ticks: this.ticks.input.checked, notes: this.notes.input.checked };
    return share.encode(this.ctx.model.current(), options).then((token) => {
      const url = share.linkFor(window.location.href, settings.fragment, token);
      this.link.value = url;
      this.output.hidden = false;
      const template = url.length > settings.email_chars ? this.texts.share_too_long : this.texts.share_length;
      this.info.textContent = format(template, { length: url.length, limit: settings.email_chars });
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

/* ---- an incoming link or file --------------------------------------------------------- */

export class Incoming {
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.texts = ctx.texts;
    root.hidden = true;
  }

  errorText(error, editionId) {
    const t = this.texts;
    // By the error's code: link_too_long, link_not_a_link, link_newer_version, link_damaged,
    // link_too_large, link_invalid, link_unknown_edition (named here so the build sends these
    // texts with this part, macros/selfcheck.py script_texts).
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

  heading() {
    const heading = element("h2", null, this.texts.incoming_heading);
    heading.id = "wwc-sc-incoming-heading";
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
    return format(t.incoming_holds, {
      name: assessment.name || t.new_name,
      edition: this.ctx.editionNames.get(assessment.edition),
      city: assessment.city ? format(t.incoming_city, { city: assessment.city }) : "",
      date: assessment.date ? format(t.incoming_date, { date: assessment.date }) : "",
      answers: Object.keys(assessment.answers).length,
      met: met,
      ticks: assessment.carries?.ticks ? t.incoming_ticks : "",
      notes: assessment.carries?.notes ? t.incoming_notes : "",
    });
  }

  /* What an incoming assessment (link or file) holds, and the three things the user may do. */
  show(assessment) {
    const t = this.texts;
    this.assessment = assessment;
    const holds = element("p", "wwc-sc-incoming-holds", this.describe(assessment));
    holds.id = "wwc-sc-incoming-holds";
    const nodes = [this.heading(), holds];
    if (assessment.edition !== this.ctx.edition.id) {
      const other = element(
        "p",
        null,
        format(t.incoming_other_edition, { edition: this.ctx.editionNames.get(assessment.edition) }),
      );
      const go = button(t.incoming_other_edition_link, "wwc-sc-incoming-go");
      go.addEventListener("click", () => {
        this.ctx.goToEdition(assessment.edition);
      });
      nodes.push(other, go, this.dismissButton());
    } else {
      const save = button(t.incoming_save, "wwc-sc-incoming-save");
      save.addEventListener("click", () => {
        this.saveAsNew();
      });
      const compare = button(t.incoming_compare, "wwc-sc-incoming-compare");
      compare.addEventListener("click", () => {
        this.ctx.compareWith(assessment, t.compare_incoming);
      });
      const merge = button(t.incoming_merge, "wwc-sc-incoming-merge");
      merge.addEventListener("click", () => {
        this.ctx.merge(assessment);
      });
      const buttons = element("div", "wwc-sc-buttons");
      buttons.append(save, compare, merge, this.dismissButton());
      nodes.push(element("p", "wwc-sc-hint", t.incoming_nothing_replaced), buttons);
    }
    this.message = element("p", "wwc-sc-incoming-message");
    this.message.id = "wwc-sc-incoming-message";
    this.message.setAttribute("role", "status");
    nodes.push(this.message);
    this.root.replaceChildren.apply(this.root, nodes);
    this.root.hidden = false;
    holds.setAttribute("tabindex", "-1");
    holds.focus();
  }

  dismissButton() {
    const node = button(this.texts.incoming_dismiss, "wwc-sc-incoming-dismiss");
    node.addEventListener("click", () => {
      this.dismiss();
    });
    return node;
  }

  /* The link is handled: take it out of the address, so a reload does not offer it again. */
  dismiss() {
    this.root.hidden = true;
    this.root.replaceChildren();
    if (window.history?.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }

  saveAsNew() {
    const result = this.ctx.model.saveAsNew(this.assessment);
    this.ctx.changed(result);
    this.ctx.refreshParts();
    this.message.textContent = format(this.texts.incoming_saved, { name: this.assessment.name || this.texts.new_name });
  }
}

/* ---- merge --------------------------------------------------------------------------- */

export class Merge {
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.texts = ctx.texts;
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
      nodes.push(this.table(differing));
    }
    const apply = button(t.merge_apply, "wwc-sc-merge-apply");
    apply.addEventListener("click", () => {
      this.apply();
    });
    const replace = button(t.merge_replace, "wwc-sc-merge-replace");
    replace.addEventListener("click", () => {
      this.replace();
    });
    const cancel = button(t.merge_cancel, "wwc-sc-merge-cancel");
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
    const head = element("tr");
    [t.merge_col_criterion, t.merge_col_here, t.merge_col_there].forEach((label) => {
      const th = element("th", null, label);
      th.setAttribute("scope", "col");
      head.appendChild(th);
    });
    const thead = element("thead");
    thead.appendChild(head);
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
    this.finish(this.ctx.model.importInto(merged), format(this.texts.merge_done, { taken: taken }));
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
