/*
 * Small DOM helpers shared by the self-check's view parts (wwc-sc-*.js). User text only ever
 * goes in through textContent and setAttribute: nothing here parses HTML.
 */
(function () {
  "use strict";

  var parts = window.WWCSelfCheckParts = window.WWCSelfCheckParts || {};

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function element(tag, className, textContent) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (textContent !== undefined && textContent !== null) {
      node.textContent = textContent;
    }
    return node;
  }

  /* Only writes when the text differs, so an update touches nothing that did not change. */
  function setText(node, value) {
    var next = String(value);
    if (node && node.textContent !== next) {
      node.textContent = next;
    }
  }

  function setStyle(node, property, value) {
    if (node && node.style[property] !== value) {
      node.style[property] = value;
    }
  }

  function toggleClass(node, name, on) {
    if (node && node.classList.contains(name) !== Boolean(on)) {
      node.classList.toggle(name, Boolean(on));
    }
  }

  /* ---- the page's data, completed from the form and then from the checklists ----
   * The embedded JSON names the edition's groups but not their criteria: the form already holds
   * them (one fieldset per criterion; its evidence panel says how many requirements and documents
   * it has, and any must-meet count). That is all the scoring needs while nothing is ticked, so a
   * first visit does without the item ids and texts: they come with the checklist script
   * (payload.lazy.checklists, loaded on first use), and applyChecklists puts the ids in place of
   * the placeholders. Nothing can be ticked before: the checkboxes are built from that data. */

  function placeholders(count) {
    var list = [];
    for (var i = 0; i < count; i += 1) {
      list.push("");
    }
    return list;
  }

  function criterionOf(fieldset) {
    var entry = { id: fieldset.getAttribute("data-wwc-criterion") };
    var panel = fieldset.querySelector("[data-wwc-items]");
    var counts = panel ? panel.getAttribute("data-wwc-items").split(" ").map(Number) : [0, 0];
    ["requirements", "documentation"].forEach(function (kind, index) {
      if (counts[index]) {
        entry[kind] = placeholders(counts[index]);
      }
    });
    if (counts.length > 2) {
      entry.must_meet = counts[2];
    }
    return entry;
  }

  function completePayload(data) {
    var form = document.getElementById("wwc-sc-form-" + data.edition.id);
    data.edition.groups.forEach(function (group) {
      var section = form.querySelector('[data-wwc-group="' + group.id + '"]');
      group.criteria = section ? Array.prototype.map.call(section.querySelectorAll("[data-wwc-criterion]"), criterionOf) : [];
    });
    return data;
  }

  var checklists = {};

  /* Put the checklist ids into the edition's criteria, in place (every part holds the same
     criterion objects). False when the loaded script is not this edition's. */
  function applyChecklists(edition) {
    var data = window.WWCSelfCheckChecklists;
    if (!data || data.edition !== edition.id) {
      return false;
    }
    checklists[edition.id] = data.criteria;
    edition.groups.forEach(function (group) {
      group.criteria.forEach(function (criterion) {
        var lists = data.criteria[criterion.id] || [[], []];
        ["requirements", "documentation"].forEach(function (kind, index) {
          if (lists[index].length) {
            criterion[kind] = lists[index].map(function (item) { return item[0]; });
          } else {
            delete criterion[kind];
          }
        });
      });
    });
    return true;
  }

  /* A criterion's [requirements, documentation], each item [id, text(, options)]; null before
     the checklists have arrived. */
  function checklistOf(editionId, criterionId) {
    var criteria = checklists[editionId];
    return criteria ? criteria[criterionId] || [[], []] : null;
  }

  /* The text of a requirement or document (its id until the checklists have arrived). */
  function itemText(editionId, criterionId, itemId) {
    var lists = checklistOf(editionId, criterionId) || [[], []];
    var found = lists[0].concat(lists[1]).filter(function (item) { return item[0] === itemId; })[0];
    return found ? found[1] : itemId;
  }

  /* The edition with each criterion's statement and its tickable items as {id, text}: what the
     CSV of an assessment shows (the CSV part loads after the checklists). */
  function editionWithTexts(edition) {
    var form = document.getElementById("wwc-sc-form-" + edition.id);
    var copy = JSON.parse(JSON.stringify(edition));
    copy.groups.forEach(function (group) {
      group.criteria.forEach(function (criterion) {
        var fieldset = form && form.querySelector('[data-wwc-criterion="' + criterion.id + '"]');
        var statement = fieldset && fieldset.querySelector(".wwc-sc-statement");
        criterion.statement = statement ? statement.textContent : "";
        var lists = checklistOf(edition.id, criterion.id) || [[], []];
        ["requirements", "documentation"].forEach(function (kind, index) {
          criterion[kind] = lists[index].map(function (item) { return { id: item[0], text: item[1] }; });
        });
      });
    });
    return copy;
  }

  /* Save `text` as a file named `name`: a local blob URL, nothing leaves the browser. */
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = element("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; the URL is local anyway.
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  /* ---- parts loaded on first use ----
   * The parts needed only on a user action (share, merge, compare, CSV, export and import, the
   * report) are not in the page: each is a list of script files (payload.lazy, URLs relative to
   * the page, computed at build time) brought in by a classic <script src> inserted on first use,
   * which works from file:// too. Each file loads once (the promise is kept); a file that fails
   * is forgotten, so the next use tries again, and the caller tells the user. */

  var loading = {};

  function loadScript(url) {
    if (!loading[url]) {
      loading[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = function () { resolve(url); };
        script.onerror = function () {
          delete loading[url];
          script.remove();
          reject(new Error(url));
        };
        document.head.appendChild(script);
      });
    }
    return loading[url];
  }

  /* Every file of the named parts, in order (a part's files depend on the ones before them). */
  function loadParts(lazy, names) {
    var urls = [];
    names.forEach(function (name) {
      (lazy[name] || []).forEach(function (url) {
        if (urls.indexOf(url) < 0) {
          urls.push(url);
        }
      });
    });
    return urls.reduce(function (previous, url) {
      return previous.then(function () { return loadScript(url); });
    }, Promise.resolve());
  }

  parts.util = {
    download: download, format: format, element: element, setText: setText, setStyle: setStyle, toggleClass: toggleClass,
    completePayload: completePayload, applyChecklists: applyChecklists, checklistOf: checklistOf, itemText: itemText,
    editionWithTexts: editionWithTexts, loadParts: loadParts
  };
})();
