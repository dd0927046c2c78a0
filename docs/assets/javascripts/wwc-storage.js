/*
 * A small wrapper around localStorage for the self-check. Every call can fail: storage may be
 * switched off or blocked (private windows, file:// in some browsers, sandboxed frames), full,
 * or hold text that is not JSON. No call here throws; each says whether it worked, so the page
 * keeps working and can tell the user that their progress will not be kept.
 *
 * A classic script: in a browser it defines window.WWCStorage; in node, module.exports.
 */
(function (factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
  if (typeof window !== "undefined") {
    window.WWCStorage = api;
  }
})(function () {
  "use strict";

  /* Merely reading window.localStorage throws a SecurityError where storage is blocked. */
  function defaultStorage() {
    try {
      return typeof window !== "undefined" ? window.localStorage : null;
    } catch (error) {
      return null;
    }
  }

  /* Whether writing and removing works: some browsers expose a storage that refuses writes. */
  function probe(storage, key) {
    if (!storage) {
      return false;
    }
    var probeKey = key + ":probe";
    try {
      storage.setItem(probeKey, "1");
      storage.removeItem(probeKey);
      return true;
    } catch (error) {
      return false;
    }
  }

  /* A store for one JSON value under `key`. `storage` defaults to window.localStorage. */
  function open(key, storage) {
    var backend = storage === undefined ? defaultStorage() : storage;
    var available = probe(backend, key);

    function load() {
      if (!available) {
        return { ok: false, reason: "unavailable", value: null };
      }
      var text;
      try {
        text = backend.getItem(key);
      } catch (error) {
        return { ok: false, reason: "unavailable", value: null };
      }
      if (text === null) {
        return { ok: true, reason: "empty", value: null };
      }
      try {
        return { ok: true, reason: "loaded", value: JSON.parse(text) };
      } catch (error) {
        return { ok: false, reason: "corrupt", value: null };
      }
    }

    function save(value) {
      if (!available) {
        return { ok: false, reason: "unavailable" };
      }
      try {
        backend.setItem(key, JSON.stringify(value));
        return { ok: true, reason: "saved" };
      } catch (error) {
        return { ok: false, reason: "failed" };
      }
    }

    function remove() {
      if (!available) {
        return { ok: false, reason: "unavailable" };
      }
      try {
        backend.removeItem(key);
        return { ok: true, reason: "removed" };
      } catch (error) {
        return { ok: false, reason: "failed" };
      }
    }

    return { key: key, available: available, load: load, save: save, remove: remove };
  }

  return { open: open };
});
