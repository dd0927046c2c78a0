/* Unit tests of selfcheck/src/lib/passphrase.js: protection by passphrase, and each kind of
   refusal (wrong passphrase, cut short, changed, newer version). A lower iteration count is
   passed explicitly (FAST); one test runs the default. */
import test from "node:test";
import assert from "node:assert/strict";

import * as P from "../../selfcheck/src/lib/passphrase.js";

const LIMITS = { max_chars: 65536 };
const FAST = { iterations: 1000 };
const TEXT = "1.1x2y3z.AbCdEf_-token of a share link – Åre";

/* A fixed random source, so the protected text is exactly reproducible. */
function counting() {
  let next = 0;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i += 1) {
      bytes[i] = next++ & 0xff;
    }
    return bytes;
  };
}

function code(result) {
  return result.ok ? "ok" : result.error.code;
}

test("the default is PBKDF2 with at least 600,000 iterations, and it round-trips", async () => {
  assert.ok(P.ITERATIONS >= 600000);
  const text = await P.protect(TEXT, "correct horse battery staple");
  assert.match(text, new RegExp(`^wwcp1\\.${P.ITERATIONS.toString(36)}\\.`));
  assert.deepEqual(await P.unprotect(text, "correct horse battery staple", LIMITS), { ok: true, text: TEXT });
});

test("a protected text is recognised before any passphrase is asked for, and reveals nothing", async () => {
  const text = await P.protect(TEXT, "pass", FAST);
  assert.equal(P.isProtected(text), true);
  assert.equal(P.isProtected(`  ${text}\n`), true, "a file's text with a final newline");
  assert.equal(P.isProtected("wwcp7.anything"), true, "a newer version is recognised too");
  for (const other of [TEXT, "", "{}", "wwcp", "wwcpx.1", null, 5]) {
    assert.equal(P.isProtected(other), false, String(other));
  }
  assert.doesNotMatch(text, /share|token|Åre|1x2y3z/);
  assert.match(text, /^[A-Za-z0-9._-]+$/, "safe in a URL fragment as it is");
});

test("the same inputs and random bytes give the same text; fresh random bytes a different one", async () => {
  const a = await P.protect(TEXT, "pass", Object.assign({ random: counting() }, FAST));
  const b = await P.protect(TEXT, "pass", Object.assign({ random: counting() }, FAST));
  const c = await P.protect(TEXT, "pass", FAST);
  assert.equal(a, b);
  assert.notEqual(a, c);
  assert.deepEqual(await P.unprotect(a, "pass", LIMITS), { ok: true, text: TEXT });
});

test("the passphrase is compared as typed, after Unicode composition", async () => {
  const text = await P.protect(TEXT, "Ren\u00e9", FAST);
  assert.equal(code(await P.unprotect(text, "Rene\u0301", LIMITS)), "ok");
  assert.equal(code(await P.unprotect(text, "rené", LIMITS)), "wrong-passphrase");
  assert.equal(code(await P.unprotect(text, "René ", LIMITS)), "wrong-passphrase");
});

test("a wrong passphrase, a missing one, a cut text and a changed text are each refused by name", async () => {
  const text = await P.protect(TEXT, "pass", FAST);
  assert.equal(code(await P.unprotect(text, "wrong", LIMITS)), "wrong-passphrase");
  assert.equal(code(await P.unprotect(text, "", LIMITS)), "no-passphrase");
  assert.equal(code(await P.unprotect(text, undefined, LIMITS)), "no-passphrase");
  // Cut anywhere after the prefix: truncated, never "wrong passphrase" or "tampered".
  for (let length = 6; length < text.length; length += 1) {
    assert.equal(code(await P.unprotect(text.slice(0, length), "pass", LIMITS)), "truncated", `cut at ${length}`);
  }
  // Any one character of the data changed: tampered.
  const dataStart = text.lastIndexOf(".") + 1;
  for (let at = dataStart; at < text.length; at += 3) {
    const changed = text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    assert.equal(code(await P.unprotect(changed, "pass", LIMITS)), "tampered", `changed at ${at}`);
  }
  assert.equal(code(await P.unprotect(`${text}AAAA`, "pass", LIMITS)), "tampered", "longer than declared");
  assert.equal(code(await P.unprotect(`${text}.x`, "pass", LIMITS)), "tampered", "an extra part");
  assert.equal(code(await P.unprotect(text.replace(/\.[0-9a-z]+\./, ".!."), "pass", LIMITS)), "tampered");
});

test("a changed header is tampered; a deliberate change with a recomputed checksum is still caught", async () => {
  const text = await P.protect(TEXT, "pass", FAST);
  const parts = text.split(".");
  const moreIterations = [parts[0], (1001).toString(36), ...parts.slice(2)].join(".");
  assert.equal(code(await P.unprotect(moreIterations, "pass", LIMITS)), "tampered");
  const huge = [parts[0], (P.MAX_ITERATIONS + 1).toString(36), ...parts.slice(2)].join(".");
  assert.equal(code(await P.unprotect(huge, "pass", LIMITS)), "tampered", "refused unread, not derived");
  // Someone who recomputes the crc32 over a changed ciphertext still fails the AES-GCM tag.
  const { crc32, fromBase64url, toBase64url } = await import("../../selfcheck/src/lib/share.js");
  const blob = fromBase64url(parts[4]);
  blob[blob.length - 1] ^= 1;
  const head = parts.slice(0, 3).join(".");
  const headBytes = new TextEncoder().encode(head);
  const all = new Uint8Array(headBytes.length + blob.length);
  all.set(headBytes);
  all.set(blob, headBytes.length);
  const forged = `${head}.${crc32(all).toString(36)}.${toBase64url(blob)}`;
  assert.equal(code(await P.unprotect(forged, "pass", LIMITS)), "tampered");
});

test("a newer version, an unknown text and an overlong text are refused before any key is derived", async () => {
  assert.equal(code(await P.unprotect("wwcp2.abc.def.ghi.jkl", "pass", LIMITS)), "newer-version");
  assert.equal(code(await P.unprotect("wwcp0.abc.def.ghi.jkl", "pass", LIMITS)), "not-protected");
  assert.equal(code(await P.unprotect(TEXT, "pass", LIMITS)), "not-protected");
  assert.equal(code(await P.unprotect(undefined, "pass", LIMITS)), "not-protected");
  const text = await P.protect("x".repeat(200), "pass", FAST);
  assert.equal(code(await P.unprotect(text, "pass", { max_chars: 100 })), "too-long");
});

test("protecting needs a passphrase", async () => {
  await assert.rejects(() => P.protect(TEXT, "", FAST));
});
