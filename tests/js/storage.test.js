"use strict";
/* Unit tests of docs/assets/javascripts/wwc-storage.js with fake storages that fail in the ways real ones do. */
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const WWCStorage = require(path.join(__dirname, "../../docs/assets/javascripts/wwc-storage.js"));
const KEY = "wwc-guide:self-check:v1";

/* A Storage-like object; it throws a QuotaExceededError once it would hold more than `limit` characters. */
function memoryStorage(limit) {
  const items = new Map();
  const size = () => [...items].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
  return {
    items,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem(key, value) {
      const before = items.get(key);
      items.set(key, String(value));
      if (limit !== undefined && size() > limit) {
        if (before === undefined) {
          items.delete(key);
        } else {
          items.set(key, before);
        }
        const error = new Error("quota exceeded");
        error.name = "QuotaExceededError";
        throw error;
      }
    },
    removeItem: (key) => items.delete(key)
  };
}

function throwingStorage() {
  const fail = () => { throw new Error("SecurityError"); };
  return { getItem: fail, setItem: fail, removeItem: fail };
}

test("saves and loads a value under its key", () => {
  const backend = memoryStorage();
  const store = WWCStorage.open(KEY, backend);
  assert.equal(store.available, true);
  assert.deepEqual(store.load(), { ok: true, reason: "empty", value: null });
  assert.deepEqual(store.save({ answers: { DG1: "yes" } }), { ok: true, reason: "saved" });
  assert.deepEqual(store.load().value, { answers: { DG1: "yes" } });
  assert.deepEqual([...backend.items.keys()], [KEY]);
  assert.equal(store.remove().ok, true);
  assert.equal(store.load().reason, "empty");
});

test("no storage at all: unavailable, and no call throws", () => {
  for (const backend of [null, throwingStorage()]) {
    const store = WWCStorage.open(KEY, backend);
    assert.equal(store.available, false);
    assert.deepEqual(store.load(), { ok: false, reason: "unavailable", value: null });
    assert.deepEqual(store.save({}), { ok: false, reason: "unavailable" });
    assert.deepEqual(store.remove(), { ok: false, reason: "unavailable" });
  }
});

test("without a window (node), the default storage is unavailable", () => {
  assert.equal(WWCStorage.open(KEY).available, false);
});

test("a full storage: the save fails and says so, the old value stays", () => {
  const backend = memoryStorage(200);
  const store = WWCStorage.open(KEY, backend);
  assert.equal(store.available, true);
  assert.equal(store.save({ a: 1 }).ok, true);
  assert.deepEqual(store.save({ big: "x".repeat(500) }), { ok: false, reason: "failed" });
  assert.deepEqual(store.load().value, { a: 1 });
});

test("corrupted saved text is reported, not thrown", () => {
  const backend = memoryStorage();
  backend.setItem(KEY, "{broken");
  assert.deepEqual(WWCStorage.open(KEY, backend).load(), { ok: false, reason: "corrupt", value: null });
});

test("a storage that reads but refuses writes is unavailable", () => {
  const backend = memoryStorage(0);
  assert.equal(WWCStorage.open(KEY, backend).available, false);
});
