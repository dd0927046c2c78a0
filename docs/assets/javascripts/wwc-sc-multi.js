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
      compareWith: function (assessment, label) { view.compare.compareWith(assessment, label); },
      merge: function (assessment) { view.merge.open(assessment); },
      showUndoImport: showUndoImport
    };
    Object.defineProperty(ctx, "edition", { get: function () { return byId[model.editionId()]; } });

    function refreshParts() {
      view.manager.render();
      view.compare.render();
      view.banner.render();
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
        view.incoming.readHash();
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
      var incoming = root.querySelector("#wwc-sc-incoming");
      var merge = root.querySelector("#wwc-sc-merge");
      var manager = root.querySelector("#wwc-sc-assessments");
      var share = root.querySelector("#wwc-sc-share");
      var compare = root.querySelector("#wwc-sc-compare");
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
      view.incoming = parts.incoming.create(incoming, ctx);
      view.merge = parts.merge.create(merge, ctx);
      view.manager = parts.assessments.create(manager, ctx);
      view.share = parts.share.create(share, ctx);
      view.compare = parts.compare.create(compare, ctx);
      refreshParts();
      lastRevision = model.revision();
      model.onExternalChange(function () {
        lastRevision = model.revision();
        host.reload();
        refreshParts();
      });
      window.addEventListener("hashchange", function () { view.incoming.readHash(); });
      view.ready = view.incoming.readHash();
      return view;
    }

    return { model: model, attach: attach, changed: changed, refreshParts: refreshParts, ctx: ctx, view: view,
      offerImport: function (assessment) { view.incoming.show(assessment); } };
  }

  parts.multi = { create: create };
})();
