/* Unit tests of selfcheck/src/lib/people.js: a person's name, as typed and as read from outside. */
import test from "node:test";
import assert from "node:assert/strict";

import { NAME_MAX, isStoredName, normalizeName } from "../../selfcheck/src/lib/people.js";

test("a name is trimmed, its inner spaces collapsed and composed (NFC)", () => {
  assert.deepEqual(normalizeName("  Ana   María\u00a0López \n"), { ok: true, name: "Ana María López" });
  // "e" + combining acute becomes one character, so the same name typed two ways is one name.
  assert.deepEqual(normalizeName("Rene\u0301"), { ok: true, name: "Ren\u00e9" });
  assert.deepEqual(normalizeName("Data office 🙂"), { ok: true, name: "Data office 🙂" });
});

test("refusals say why: not text, empty, too long, control or bidirectional characters", () => {
  assert.deepEqual(normalizeName(42), { ok: false, reason: "not-text" });
  assert.deepEqual(normalizeName(null), { ok: false, reason: "not-text" });
  assert.deepEqual(normalizeName(" \t\n "), { ok: false, reason: "empty" });
  assert.deepEqual(normalizeName("x".repeat(NAME_MAX + 1)), { ok: false, reason: "too-long" });
  assert.equal(normalizeName("x".repeat(NAME_MAX)).ok, true);
  // The cap counts characters, not UTF-16 units: 80 emoji are 160 units and still fit.
  assert.equal(normalizeName("🙂".repeat(NAME_MAX)).ok, true);
  for (const bad of [
    "Ana\u0000",
    "A\u0007na",
    "Ana\nBob",
    "Ana\u0085",
    "\u202eanA",
    "Ana\u2066x\u2069",
    "A\u200fna",
    "A\ud800na",
  ]) {
    assert.deepEqual(normalizeName(bad), { ok: false, reason: "control-characters" }, JSON.stringify(bad));
  }
});

test("a stored name must already be exactly as normalizeName leaves it", () => {
  assert.equal(isStoredName("Ana"), true);
  assert.equal(isStoredName(" Ana"), false);
  assert.equal(isStoredName("Ana  B"), false);
  assert.equal(isStoredName("Rene\u0301"), false);
  assert.equal(isStoredName(""), false);
  assert.equal(isStoredName(undefined), false);
  // Names that are also inherited member names are ordinary names.
  for (const name of ["__proto__", "constructor", "toString"]) {
    assert.equal(isStoredName(name), true);
  }
});

test("markup in a name is kept as text (escaping is the view's job) and is not refused", () => {
  assert.deepEqual(normalizeName("<img src=x onerror=alert(1)>"), { ok: true, name: "<img src=x onerror=alert(1)>" });
});
