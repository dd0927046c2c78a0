/*
 * Wires the several-assessments parts into the self-check page: makes the model (over the store),
 * creates each part's root element, and gives the parts one shared context. The controller
 * (wwc-selfcheck.js) needs three hooks only:
 *
 *   var multi = WWCSelfCheckParts.multi.create(host);  // host: {root, data, editionId(), reload(),
 *   host.model = multi.model;                          //        switchEdition(id) or none}
 *   multi.attach();                                    // after the first render
 *   multi.changed(result);                             // after every model.change(...)
 */
(function () {
  "use strict";

  var parts = window.WWCSelfCheckParts = window.WWCSelfCheckParts || {};

  var download = parts.util.download;

  function editionList(data) {
    return Array.isArray(data.editions) ? data.editions : [data.edition];
  }

  function create(host) {
    var data = host.data;
    var settings = data.assessments;
    var editions = editionList(data);
    var byId = {};
    editions.forEach(function (edition) { byId[edition.id] = edition; });
    var editionNames = {};
    editions.forEach(function (edition) { editionNames[edition.id] = edition.short_title; });
    // One page per edition: the payload names every edition but carries only this page's criteria.
    var otherEditionIds = Array.isArray(data.editions) ? [] : Object.keys(data.editions);
    otherEditionIds.forEach(function (id) { editionNames[id] = data.editions[id]; });
    var model = window.WWCAssessments.open({
      WWCStore: window.WWCStore, key: settings.storage_key, legacyKey: settings.legacy_key,
      editions: editions, otherEditionIds: otherEditionIds, editionId: host.editionId(), texts: settings.texts, win: window
    });
    var view = {};
    var ctx = {
      need: host.need,
      // What to say where a part was asked for, when it could not be loaded (nothing was done).
      partFailed: function (error) { return parts.util.format(data.texts.part_failed, { file: error.message }); },
      model: model,
      settings: settings,
      texts: settings.texts,
      editionNames: editionNames,
      reload: function () { host.reload(); },
      changed: changed,
      refreshParts: refreshParts,
      download: download,
      downloadBackup: downloadBackup,
      csvEdition: function () { return parts.util.editionWithTexts(ctx.edition); },
      goToEdition: goToEdition,
      compareWith: function (assessment, label) {
        return part("compare").then(function (compare) { compare.compareWith(assessment, label); }, function () {});
      },
      merge: function (assessment) {
        return part("merge").then(function (merge) { merge.open(assessment); }, function () {});
      },
      showUndoImport: showUndoImport
    };
    Object.defineProperty(ctx, "edition", { get: function () { return byId[model.editionId()]; } });

    function refreshParts() {
      view.manager.render();
      if (view.compare) {
        view.compare.render();
      }
      view.banner.render();
    }

    /* The parts loaded on first use: view name -> [lazy parts to load, root id]. */
    var LAZY = {
      share: [["share"], "wwc-sc-share"],
      incoming: [["share"], "wwc-sc-incoming"],
      merge: [["share"], "wwc-sc-merge"],
      compare: [["compare"], "wwc-sc-compare"]
    };

    /* Resolves with the view part, loading and creating it the first time. */
    function part(name, quiet) {
      if (view[name]) {
        return Promise.resolve(view[name]);
      }
      return host.need(LAZY[name][0], quiet).then(function () {
        if (!view[name]) {
          view[name] = parts[name].create(host.root.querySelector("#" + LAZY[name][1]), ctx);
          if (view[name].render) {
            view[name].render();
          }
        }
        return view[name];
      });
    }

    /* A lazy part's root shows its heading and one button; the button loads and builds the part. */
    function opener(name, heading, label) {
      var root = host.root.querySelector("#" + LAZY[name][1]);
      var title = parts.util.element("h2", null, heading);
      title.id = LAZY[name][1] + "-heading";
      root.setAttribute("aria-labelledby", title.id);
      var open = parts.util.element("button", "wwc-sc-button", label);
      open.type = "button";
      open.id = LAZY[name][1] + "-open";
      // A failure is said here, beside the button the user pressed (which stays, to try again).
      var failure = parts.util.element("p", "wwc-sc-part-failed");
      failure.setAttribute("role", "alert");
      open.addEventListener("click", function () {
        failure.textContent = "";
        part(name, true).then(function () {
          var first = root.querySelector("input, select, button");
          if (first) {
            first.focus();
          }
        }, function (error) { failure.textContent = ctx.partFailed(error); });
      });
      root.replaceChildren(title, open, failure);
      root.hidden = false;
    }

    /* A share link in the page's address: the share part is needed at once. */
    function readHash() {
      if (String(window.location.hash).indexOf(settings.share.fragment + "=") < 0) {
        return Promise.resolve(null);
      }
      return part("incoming").then(function (incoming) { return incoming.readHash(); }, function () { return null; });
    }

    /* After every change: the banner says again whether saving worked. */
    var lastRevision = null;
    function changed(result) {
      if (!view.banner) {
        return;
      }
      // A jump of more than one write means another tab saved in between (its storage event may
      // not have arrived): show the whole latest copy, not only the criterion just changed.
      var revision = model.revision();
      if (lastRevision !== null && revision > lastRevision + 1) {
        host.reload();
      }
      lastRevision = revision;
      refreshParts();
      if (result && result.reason === "missing") {
        view.manager.say(settings.texts.missing_elsewhere);
      }
    }

    function goToEdition(editionId) {
      var link = host.root.querySelector('[data-wwc-edition-link="' + editionId + '"]');
      if (link) {
        window.location.href = link.href.split("#")[0] + window.location.hash;
        return;
      }
      if (host.switchEdition) {
        host.switchEdition(editionId);
        refreshParts();
        readHash();
      }
    }

    /* Everything this tab shows, as JSON: the copy the banner offers when saving fails. */
    function downloadBackup(asideOnly) {
      var list = asideOnly ? model.keptAsideData() : model.list();
      var current = model.current();
      if (!asideOnly && !current.id) {
        list.push(current);
      }
      var stamp = new Date().toISOString().slice(0, 10);
      download(settings.csv.file_prefix + "-" + (asideOnly ? "kept-aside" : "assessments") + "-" + stamp + ".json",
        "application/json", JSON.stringify({ format: settings.storage_key, exported: new Date().toISOString(), assessments: list }, null, 2) + "\n");
    }

    var undoButton = null;
    function showUndoImport(message) {
      undoButton.hidden = !model.canUndoImport();
      view.undoNote.textContent = message;
    }

    function attach() {
      // The roots are in the page's HTML (macros/selfcheck.py), so nothing moves when they fill.
      var root = host.root;
      var banner = root.querySelector("#wwc-sc-banner");
      var manager = root.querySelector("#wwc-sc-assessments");
      undoButton = root.querySelector("#wwc-sc-undo-import");
      view.undoNote = root.querySelector("#wwc-sc-import-message");
      undoButton.addEventListener("click", function () {
        var result = model.undoImport();
        changed(result);
        host.reload();
        refreshParts();
        view.undoNote.textContent = settings.texts.import_undone;
      });
      view.banner = parts.banner.create(banner, ctx);
      view.manager = parts.assessments.create(manager, ctx);
      opener("share", settings.texts.share_heading, settings.texts.share_open);
      opener("compare", settings.texts.compare_heading, settings.texts.compare_open);
      refreshParts();
      lastRevision = model.revision();
      model.onExternalChange(function () {
        lastRevision = model.revision();
        host.reload();
        refreshParts();
      });
      window.addEventListener("hashchange", readHash);
      view.ready = readHash();
      return view;
    }

    return { model: model, attach: attach, changed: changed, refreshParts: refreshParts, ctx: ctx, view: view,
      offerImport: function (assessment) {
        return part("incoming").then(function (incoming) { incoming.show(assessment); }, function () {});
      } };
  }

  parts.multi = { create: create };
})();
