/*
 * The documents to gather in "Your plan" (wwc-sc-plan.js): every required document by group, with
 * which are ticked and a link to the criterion each proves. Drawn while its panel is open; loaded
 * with the checklists (which name the documents) on its first opening. Text goes in as text only.
 */
(function () {
  "use strict";

  var parts = window.WWCSelfCheckParts;
  var util = parts.util;

  parts.plan.prototype.drawDocuments = function (documents, force) {
    var sc = this.sc;
    var signature = JSON.stringify(documents);
    if (!force && signature === this.signature.documents) {
      return;
    }
    this.signature.documents = signature;
    var nodes = [];
    sc.edition.groups.forEach(function (group) {
      var rows = documents.filter(function (doc) { return doc.group === group.id; });
      if (!rows.length) {
        return;
      }
      nodes.push(util.element("h4", null, group.name));
      var list = util.element("ul", "wwc-sc-document-list");
      rows.forEach(function (doc) {
        var item = util.element("li", doc.ticked ? "wwc-sc-doc-ticked" : "wwc-sc-doc-open");
        item.setAttribute("data-wwc-document", doc.id);
        item.appendChild(util.element("span", "wwc-sc-doc-state", doc.ticked ? sc.texts.documents_ticked : sc.texts.documents_not_ticked));
        item.appendChild(document.createTextNode(" " + this.itemText(doc.criterion, doc.id) + " "));
        var link = util.element("a", null, util.format(sc.texts.documents_for, { id: doc.criterion }));
        link.setAttribute("href", "#" + this.fieldset(doc.criterion).id);
        item.appendChild(link);
        list.appendChild(item);
      }, this);
      nodes.push(list);
    }, this);
    this.documentsList.replaceChildren.apply(this.documentsList, nodes);
  };
})();
