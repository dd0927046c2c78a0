/* Unit tests of selfcheck/src/lib/format.js: placeholders, and the plural forms of a text with a count. */
import assert from "node:assert/strict";
import { test } from "node:test";

import { format, formatCount } from "../../selfcheck/src/lib/format.js";

const PAIR = { one: "Read {count} answer.", other: "Read {count} answers." };

test("a text with a count takes its 'one' form for 1 and its 'other' form for 0, 2 and more", () => {
  assert.equal(formatCount(PAIR, 1, { count: 1 }), "Read 1 answer.");
  assert.equal(formatCount(PAIR, 2, { count: 2 }), "Read 2 answers.");
  assert.equal(formatCount(PAIR, 0, { count: 0 }), "Read 0 answers.");
  assert.equal(formatCount(PAIR, 45, { count: 45 }), "Read 45 answers.");
});

test("a text with only an 'other' form, or a plain string, is used for every count", () => {
  assert.equal(formatCount({ other: "{count} items" }, 1, { count: 1 }), "1 items");
  assert.equal(
    formatCount("{count} of {total}", 1, { count: 1, total: 3 }),
    format("{count} of {total}", { count: 1, total: 3 }),
  );
});
