/*
 * The evidence panel's builders, loaded the first time a panel opens (wwc-sc-evidence.js open):
 * its checklists from the checklist script (a checkbox per requirement and document inside its
 * label, its value the YAML id; any must-meet status line), notes, owner, due date and links to
 * the city's own documents. Links are shown as text links, never fetched, and only http(s)
 * addresses are accepted. Every text goes in through textContent, value or setAttribute.
 */
(function () {
  "use strict";

  var parts = window.WWCSelfCheckParts;
  var util = parts.util;
  var proto = parts.evidence.prototype;
  var entryOf = parts.evidence.entryOf;
  var readEntry = parts.evidence.readEntry;

  /* An absolute http(s) URL, or null. The URL parser decides, not a pattern. */
  function httpUrl(value) {
    var url;
    try {
      url = new URL(String(value).trim());
    } catch (error) {
      return null;
    }
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  }

  proto.field = function (id, key, labelText, tag, type) {
    var wrapper = util.element("div", "wwc-sc-field wwc-sc-field-" + key);
    var inputId = this.form.id + "-" + id.toLowerCase() + "-" + key;
    var label = util.element("label", null, labelText);
    label.setAttribute("for", inputId);
    var input = util.element(tag);
    input.id = inputId;
    if (type) {
      input.type = type;
    }
    input.setAttribute("data-wwc-field", key);
    if (this.sc.limits[key]) {
      input.maxLength = this.sc.limits[key];
    }
    wrapper.append(label, input);
    return { wrapper: wrapper, input: input };
  };

  /* A requirement or document list: each item a checkbox inside its label (no id/for pairs). */
  proto.tickList = function (items, kind) {
    var list = util.element("ul", "wwc-sc-ticks");
    list.setAttribute("data-wwc-kind", kind);
    items.forEach(function (item) {
      var box = util.element("input");
      box.type = "checkbox";
      box.value = item[0];
      var label = util.element("label");
      label.append(box, item[1]);
      var entry = util.element("li");
      entry.appendChild(label);
      if (item[2]) {
        var options = util.element("ul");
        item[2].forEach(function (option) { options.appendChild(util.element("li", null, option)); });
        entry.appendChild(options);
      }
      list.appendChild(entry);
    });
    return list;
  };

  proto.buildChecklists = function (id, panel) {
    var texts = this.sc.texts;
    var lists = util.checklistOf(this.sc.edition.id, id) || [[], []];
    var criterion = this.sc.criteria[id];
    var nodes = [];
    if (lists[0].length) {
      nodes.push(util.element("p", "wwc-sc-more-heading", criterion.must_meet
        ? util.format(texts.must_meet, { count: criterion.must_meet, total: lists[0].length }) : texts.checklist));
      nodes.push(this.tickList(lists[0], "requirements"));
      if (criterion.must_meet) {
        panel.must = util.element("p", "wwc-sc-must");
        panel.must.setAttribute("role", "status");
        nodes.push(panel.must);
      }
    }
    if (lists[1].length) {
      nodes.push(util.element("p", "wwc-sc-more-heading", texts.documentation));
      nodes.push(this.tickList(lists[1], "documentation"));
    }
    return nodes;
  };

  proto.build = function (id) {
    var panel = this.panels[id];
    if (!panel || panel.built) {
      return;
    }
    if (panel.failed) {
      panel.failed.remove();
      panel.failed = null;
    }
    var texts = this.sc.texts;
    var checklists = this.buildChecklists(id, panel);
    var notes = this.field(id, "notes", texts.notes_label, "textarea");
    notes.input.rows = 3;
    var owner = this.field(id, "owner", texts.owner_label, "input", "text");
    var due = this.field(id, "due", texts.due_label, "input", "date");
    var row = util.element("div", "wwc-sc-field-row");
    row.append(owner.wrapper, due.wrapper);
    var links = this.buildLinks(id);
    var fields = util.element("div", "wwc-sc-fields");
    fields.append(notes.wrapper, row, links.wrapper);
    panel.details.append.apply(panel.details, checklists.concat([fields]));
    panel.boxes = panel.details.querySelectorAll("input[type=checkbox]");
    panel.built = { notes: notes.input, owner: owner.input, due: due.input, links: links };
    var view = this.sc.view();
    this.fill(id, view.assessment);
    this.showState(id, view);
  };

  proto.buildLinks = function (id) {
    var self = this;
    var texts = this.sc.texts;
    var base = this.form.id + "-" + id.toLowerCase() + "-link";
    var wrapper = util.element("div", "wwc-sc-links");
    var heading = util.element("p", "wwc-sc-more-heading", texts.links_label);
    heading.id = base + "s-heading";
    var list = util.element("ul", "wwc-sc-link-list");
    list.setAttribute("aria-labelledby", heading.id);
    var add = util.element("div", "wwc-sc-link-add");
    var textField = this.field(id, "link-text", texts.link_text_label, "input", "text");
    textField.input.removeAttribute("data-wwc-field");
    textField.input.maxLength = this.sc.limits.link_text;
    var urlField = this.field(id, "link-url", texts.link_url_label, "input", "url");
    urlField.input.removeAttribute("data-wwc-field");
    urlField.input.maxLength = this.sc.limits.url;
    var button = util.element("button", "wwc-sc-button", texts.link_add);
    button.type = "button";
    var message = util.element("p", "wwc-sc-link-message");
    message.setAttribute("role", "alert");
    add.append(textField.wrapper, urlField.wrapper, button);
    wrapper.append(heading, list, add, message);
    button.addEventListener("click", function () {
      self.addLink(id, textField.input, urlField.input, message);
    });
    [textField.input, urlField.input].forEach(function (input) {
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          self.addLink(id, textField.input, urlField.input, message);
        }
      });
    });
    return { wrapper: wrapper, list: list, message: message };
  };

  proto.addLink = function (id, textInput, urlInput, message) {
    var texts = this.sc.texts;
    var raw = urlInput.value.trim();
    var url = raw ? httpUrl(raw) : null;
    if (!raw) {
      util.setText(message, texts.link_empty);
      return;
    }
    if (!url) {
      util.setText(message, util.format(texts.link_refused, { url: raw }));
      return;
    }
    var current = readEntry(this.sc.model.current(), id).links || [];
    if (current.length >= this.sc.limits.links) {
      util.setText(message, util.format(texts.link_too_many, { max: this.sc.limits.links }));
      return;
    }
    var label = textInput.value.trim().slice(0, this.sc.limits.link_text) || url;
    util.setText(message, "");
    this.sc.change(id, function (assessment) { entryOf(assessment, id).links.push({ text: label, url: url }); });
    textInput.value = "";
    urlInput.value = "";
    textInput.focus();
  };

  proto.removeLink = function (id, index) {
    this.sc.change(id, function (assessment) { entryOf(assessment, id).links.splice(index, 1); });
    var panel = this.panels[id];
    var buttons = panel.built.links.list.querySelectorAll("button");
    (buttons[Math.min(index, buttons.length - 1)] || panel.built.links.list.parentNode.querySelector("input")).focus();
  };

  proto.renderLinks = function (id, links) {
    var self = this;
    var texts = this.sc.texts;
    var list = this.panels[id].built.links.list;
    var items = links.map(function (link, index) {
      var item = util.element("li");
      var url = httpUrl(link.url);
      // A stored address that is not http(s) (an edited file, say) is shown, never made a link.
      var anchor = util.element(url ? "a" : "span", null, link.text || link.url);
      if (url) {
        anchor.setAttribute("href", url);
        anchor.setAttribute("rel", "noopener noreferrer");
        anchor.setAttribute("target", "_blank");
      }
      var remove = util.element("button", "wwc-sc-link-remove", "×");
      remove.type = "button";
      remove.setAttribute("aria-label", util.format(texts.link_remove, { text: link.text || link.url }));
      remove.addEventListener("click", function () { self.removeLink(id, index); });
      item.append(anchor, " ", remove);
      return item;
    });
    list.replaceChildren.apply(list, items);
  };

  parts.evidence.httpUrl = httpUrl;
})();
