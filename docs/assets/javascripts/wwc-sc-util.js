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

  /* ---- the page's data, completed from the form ----
   * The embedded JSON names the edition's groups but not their criteria: the form already holds
   * them (one fieldset per criterion, checkbox values are the YAML ids, the requirements list
   * carries any must-meet count), so the page does not carry every id twice. */

  function tickIds(fieldset, kind) {
    var list = fieldset.querySelector('ul[data-wwc-kind="' + kind + '"]');
    return list ? Array.prototype.map.call(list.querySelectorAll("input[type=checkbox]"), function (box) {
      return box.value;
    }) : [];
  }

  function criterionOf(fieldset) {
    var entry = { id: fieldset.getAttribute("data-wwc-criterion") };
    ["requirements", "documentation"].forEach(function (kind) {
      var ids = tickIds(fieldset, kind);
      if (ids.length) {
        entry[kind] = ids;
      }
    });
    var must = fieldset.querySelector("[data-wwc-must]");
    if (must) {
      entry.must_meet = Number(must.getAttribute("data-wwc-must"));
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

  /* The edition (as completePayload made it) with each criterion's statement and its tickable
     items as {id, text}, read from the form: what the CSV of an assessment shows. */
  function editionWithTexts(edition) {
    var form = document.getElementById("wwc-sc-form-" + edition.id);
    var copy = JSON.parse(JSON.stringify(edition));
    copy.groups.forEach(function (group) {
      group.criteria.forEach(function (criterion) {
        var fieldset = form && form.querySelector('[data-wwc-criterion="' + criterion.id + '"]');
        if (!fieldset) {
          return;
        }
        var statement = fieldset.querySelector(".wwc-sc-statement");
        criterion.statement = statement ? statement.textContent : "";
        ["requirements", "documentation"].forEach(function (kind) {
          var list = fieldset.querySelector('ul[data-wwc-kind="' + kind + '"]');
          criterion[kind] = list ? Array.prototype.map.call(list.querySelectorAll("label"), function (label) {
            return { id: label.querySelector("input").value, text: label.textContent };
          }) : [];
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
    completePayload: completePayload, editionWithTexts: editionWithTexts, loadParts: loadParts
  };
})();
