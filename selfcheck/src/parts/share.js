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
  var node = element("button", "wwc-sc-button", label);
  node.type = "button";
  if (id) {
    node.id = id;
  }
  return node;
}

function checkbox(id, label) {
  var wrapper = element("span", "wwc-sc-option");
  var input = element("input");
  input.type = "checkbox";
  input.id = id;
  var labelNode = element("label", null, label);
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
    var t = this.texts;
    var self = this;
    var heading = element("h2", null, t.share_heading);
    heading.id = "wwc-sc-share-heading";
    this.root.setAttribute("aria-labelledby", heading.id);
    this.ticks = checkbox("wwc-sc-share-ticks", t.share_ticks);
    this.notes = checkbox("wwc-sc-share-notes", t.share_notes);
    var make = button(t.share_button, "wwc-sc-share-make");
    make.addEventListener("click", function () { self.makeLink(); });
    this.output = element("div", "wwc-sc-share-output");
    this.output.hidden = true;
    var label = element("label", null, t.share_link_label);
    label.setAttribute("for", "wwc-sc-share-link");
    this.link = element("input");
    this.link.id = "wwc-sc-share-link";
    this.link.type = "text";
    this.link.readOnly = true;
    var copy = button(t.share_copy, "wwc-sc-share-copy");
    copy.addEventListener("click", function () { self.copyLink(); });
    this.info = element("p", "wwc-sc-share-info");
    this.info.id = "wwc-sc-share-info";
    this.info.setAttribute("role", "status");
    this.output.append(label, this.link, copy);
    this.root.replaceChildren(heading, element("p", "wwc-sc-hint", t.share_intro), this.ticks.wrapper,
      this.notes.wrapper, make, this.output, this.info);
    this.root.hidden = false;
  }

  makeLink() {
    var self = this;
    var settings = this.ctx.settings.share;
    var options = { ticks: this.ticks.input.checked, notes: this.notes.input.checked };
    return share.encode(this.ctx.model.current(), options).then(function (token) {
      var url = share.linkFor(window.location.href, settings.fragment, token);
      self.link.value = url;
      self.output.hidden = false;
      var template = url.length > settings.email_chars ? self.texts.share_too_long : self.texts.share_length;
      self.info.textContent = format(template, { length: url.length, limit: settings.email_chars });
      self.link.focus();
      self.link.select();
    });
  }

  copyLink() {
    var self = this;
    this.link.select();
    var done = function () { self.info.textContent = self.texts.share_copied; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(this.link.value).then(done, function () {
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
    var t = this.texts;
    // By the error's code: link_too_long, link_not_a_link, link_newer_version, link_damaged,
    // link_too_large, link_invalid, link_unknown_edition (named here so the build sends these
    // texts with this part, macros/selfcheck.py script_texts).
    var key = "link_" + error.code.replace(/-/g, "_");
    return format(t[key] || error.code, { detail: error.detail, length: error.detail, edition: editionId || "" });
  }

  /* Read the page's fragment; show what a link holds, or why it was refused. */
  readHash() {
    var settings = this.ctx.settings.share;
    var token = share.tokenFromHash(window.location.hash, settings.fragment);
    if (!token) {
      return Promise.resolve(null);
    }
    var self = this;
    return share.decode(token, settings).then(function (decoded) {
      if (!decoded.ok) {
        self.refuse(self.errorText(decoded.error));
      } else if (!self.ctx.editionNames[decoded.assessment.edition]) {
        self.refuse(self.errorText({ code: "unknown-edition" }, decoded.assessment.edition));
      } else {
        self.show(decoded.assessment);
      }
      return decoded;
    });
  }

  heading() {
    var heading = element("h2", null, this.texts.incoming_heading);
    heading.id = "wwc-sc-incoming-heading";
    this.root.setAttribute("aria-labelledby", heading.id);
    return heading;
  }

  refuse(reason) {
    var alert = element("p", "wwc-sc-incoming-refused", format(this.texts.link_refused, { reason: reason }));
    alert.setAttribute("role", "alert");
    this.root.replaceChildren(this.heading(), alert, this.dismissButton());
    this.root.hidden = false;
  }

  describe(assessment) {
    var t = this.texts;
    var edition = this.ctx.edition;
    var met = assessment.edition === edition.id ? scoring.score(edition, assessment.answers).met : "?";
    return format(t.incoming_holds, {
      name: assessment.name || t.new_name,
      edition: this.ctx.editionNames[assessment.edition],
      city: assessment.city ? format(t.incoming_city, { city: assessment.city }) : "",
      date: assessment.date ? format(t.incoming_date, { date: assessment.date }) : "",
      answers: Object.keys(assessment.answers).length,
      met: met,
      ticks: assessment.carries && assessment.carries.ticks ? t.incoming_ticks : "",
      notes: assessment.carries && assessment.carries.notes ? t.incoming_notes : ""
    });
  }

  /* What an incoming assessment (link or file) holds, and the three things the user may do. */
  show(assessment) {
    var t = this.texts;
    var self = this;
    this.assessment = assessment;
    var holds = element("p", "wwc-sc-incoming-holds", this.describe(assessment));
    holds.id = "wwc-sc-incoming-holds";
    var nodes = [this.heading(), holds];
    if (assessment.edition !== this.ctx.edition.id) {
      var other = element("p", null, format(t.incoming_other_edition, { edition: this.ctx.editionNames[assessment.edition] }));
      var go = button(t.incoming_other_edition_link, "wwc-sc-incoming-go");
      go.addEventListener("click", function () { self.ctx.goToEdition(assessment.edition); });
      nodes.push(other, go, this.dismissButton());
    } else {
      var save = button(t.incoming_save, "wwc-sc-incoming-save");
      save.addEventListener("click", function () { self.saveAsNew(); });
      var compare = button(t.incoming_compare, "wwc-sc-incoming-compare");
      compare.addEventListener("click", function () { self.ctx.compareWith(assessment, t.compare_incoming); });
      var merge = button(t.incoming_merge, "wwc-sc-incoming-merge");
      merge.addEventListener("click", function () { self.ctx.merge(assessment); });
      var buttons = element("div", "wwc-sc-buttons");
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
    var self = this;
    var node = button(this.texts.incoming_dismiss, "wwc-sc-incoming-dismiss");
    node.addEventListener("click", function () { self.dismiss(); });
    return node;
  }

  /* The link is handled: take it out of the address, so a reload does not offer it again. */
  dismiss() {
    this.root.hidden = true;
    this.root.replaceChildren();
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }

  saveAsNew() {
    var result = this.ctx.model.saveAsNew(this.assessment);
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
    var state = this.ctx.edition.answer_states.filter(function (item) { return item.id === answer; })[0];
    return answer === null ? this.texts.merge_none : (state ? state.label : answer);
  }

  sideText(side, other) {
    var text = this.answerLabel(side.answer);
    return side.evidence && JSON.stringify(side.evidence) !== JSON.stringify(other.evidence)
      ? text + " (" + this.texts.merge_evidence_differs + ")" : text;
  }

  /* Show every criterion where the open assessment and `incoming` differ, with a choice each. */
  open(incoming) {
    var t = this.texts;
    var self = this;
    var here = this.ctx.model.current();
    this.incoming = incoming;
    this.rows = merge.diff(this.ctx.edition, here, incoming);
    var counts = merge.counts(this.rows);
    var heading = element("h2", null, format(t.merge_heading, { there: incoming.name || t.new_name, here: here.name || t.new_name }));
    heading.id = "wwc-sc-merge-heading";
    this.root.setAttribute("aria-labelledby", heading.id);
    var summary = element("p", "wwc-sc-merge-summary", format(t.merge_summary, {
      same: counts.same, differ: counts.differ, only_here: counts["only-here"], only_there: counts["only-there"]
    }));
    summary.id = "wwc-sc-merge-summary";
    var nodes = [heading, summary];
    var differing = this.rows.filter(function (row) { return row.kind !== "same"; });
    if (!differing.length) {
      nodes.push(element("p", null, t.nothing_differs));
    } else {
      nodes.push(this.table(differing));
    }
    var apply = button(t.merge_apply, "wwc-sc-merge-apply");
    apply.addEventListener("click", function () { self.apply(); });
    var replace = button(t.merge_replace, "wwc-sc-merge-replace");
    replace.addEventListener("click", function () { self.replace(); });
    var cancel = button(t.merge_cancel, "wwc-sc-merge-cancel");
    cancel.addEventListener("click", function () { self.close(); });
    var buttons = element("div", "wwc-sc-buttons");
    buttons.append(apply, replace, cancel);
    nodes.push(buttons);
    this.root.replaceChildren.apply(this.root, nodes);
    this.root.hidden = false;
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }

  table(rows) {
    var t = this.texts;
    var table = element("table", "wwc-sc-merge-table");
    table.id = "wwc-sc-merge-table";
    table.appendChild(element("caption", null, t.merge_caption));
    var head = element("tr");
    [t.merge_col_criterion, t.merge_col_here, t.merge_col_there].forEach(function (label) {
      var th = element("th", null, label);
      th.setAttribute("scope", "col");
      head.appendChild(th);
    });
    var thead = element("thead");
    thead.appendChild(head);
    var body = element("tbody");
    rows.forEach(function (row) { body.appendChild(this.tableRow(row)); }, this);
    table.append(thead, body);
    return table;
  }

  choice(row, side, label) {
    var id = "wwc-sc-merge-" + row.id + "-" + side;
    var wrapper = element("span", "wwc-sc-option");
    var input = element("input");
    input.type = "radio";
    input.name = "wwc-sc-merge-" + row.id;
    input.id = id;
    input.value = side;
    input.checked = row.choice === side;
    input.addEventListener("change", function () { row.choice = side; });
    var labelNode = element("label", null, label);
    labelNode.setAttribute("for", id);
    wrapper.append(input, labelNode);
    return wrapper;
  }

  tableRow(row) {
    var t = this.texts;
    var tr = element("tr");
    tr.setAttribute("data-wwc-merge", row.id);
    tr.setAttribute("data-wwc-kind", row.kind);
    var th = element("th", null, row.id);
    th.setAttribute("scope", "row");
    var here = element("td");
    here.append(element("span", "wwc-sc-merge-value", this.sideText(row.here, row.there)), this.choice(row, "here", t.merge_keep_here));
    var there = element("td");
    there.append(element("span", "wwc-sc-merge-value", this.sideText(row.there, row.here)), this.choice(row, "there", t.merge_take_there));
    tr.append(th, here, there);
    return tr;
  }

  apply() {
    var choices = {};
    var taken = 0;
    this.rows.forEach(function (row) {
      choices[row.id] = row.choice;
      if (row.choice === "there" && row.kind !== "same") {
        taken += 1;
      }
    });
    var merged = merge.apply(this.ctx.model.current(), this.incoming, choices);
    this.finish(this.ctx.model.importInto(merged), format(this.texts.merge_done, { taken: taken }));
  }

  replace() {
    var current = this.ctx.model.current();
    var replaced = merge.replaceAll(this.ctx.edition, current, this.incoming);
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

