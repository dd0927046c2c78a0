/* Unit tests of selfcheck/src/lib/share.js: round trips, and links that are cut, changed or crafted. */
import test from "node:test";
import assert from "node:assert/strict";

import * as WWCShare from "../../selfcheck/src/lib/share.js";
import { assessment45, answersMeeting, SAMPLE_REPORT_MET } from "./helpers.mjs";

const LIMITS = { max_chars: 8000, max_bytes: 65536 };
const A45 = assessment45();

function fullAssessment() {
  const answers = answersMeeting(A45, SAMPLE_REPORT_MET, "in-progress");
  const evidence = {};
  A45.groups.forEach((group) =>
    group.criteria.forEach((criterion) => {
      const prefix = criterion.id.toLowerCase();
      evidence[criterion.id] = {
        items: [
          `${prefix}-policy-published-online`,
          `${prefix}-updated-past-12-months`,
          `${prefix}-copy-of-the-document`,
        ],
        notes: `Ask the ${criterion.id} team`,
        owner: "Data office",
        due: "2026-05-01",
        links: [{ text: "Policy", url: `https://example.org/${prefix}` }],
      };
    }),
  );
  return {
    id: "a-1",
    name: "2026 draft – Åre",
    edition: "assessment-45",
    city: "Springfield",
    date: "2026-04-01",
    answers,
    evidence,
  };
}

test("answers only by default: ticks, notes and links stay out of the link", async () => {
  const assessment = fullAssessment();
  const token = await WWCShare.encode(assessment, {});
  const decoded = await WWCShare.decode(token, LIMITS);
  assert.equal(decoded.ok, true);
  assert.deepEqual(decoded.assessment.answers, assessment.answers);
  assert.deepEqual(decoded.assessment.evidence, {});
  assert.deepEqual(
    [decoded.assessment.name, decoded.assessment.city, decoded.assessment.date, decoded.assessment.edition],
    ["2026 draft – Åre", "Springfield", "2026-04-01", "assessment-45"],
  );
  assert.deepEqual(decoded.assessment.carries, { ticks: false, notes: false });
  assert.doesNotMatch(JSON.stringify(WWCShare.packAssessment(assessment, {})), /Data office|example\.org/);
});

test("ticks when chosen, notes and links only when asked", async () => {
  const assessment = fullAssessment();
  const withTicks = await WWCShare.decode(await WWCShare.encode(assessment, { ticks: true }), LIMITS);
  assert.deepEqual(withTicks.assessment.evidence.DG1.items, assessment.evidence.DG1.items);
  assert.equal(withTicks.assessment.evidence.DG1.notes, "");
  const everything = await WWCShare.decode(await WWCShare.encode(assessment, { ticks: true, notes: true }), LIMITS);
  assert.deepEqual(everything.assessment.evidence, assessment.evidence);
});

test("link length of a full 45-criteria assessment (figures printed for the report)", async () => {
  const assessment = fullAssessment();
  const answersOnly = await WWCShare.encode(assessment, {});
  const ticks = await WWCShare.encode(assessment, { ticks: true });
  const raw = JSON.stringify(WWCShare.packAssessment(assessment, {})).length;
  console.log(
    `# share link token: answers only ${answersOnly.length} chars (JSON ${raw}), with ticks ${ticks.length} chars`,
  );
  assert.ok(answersOnly.length < raw, "compression makes it shorter");
  assert.ok(answersOnly.length < 600, `answers-only token ${answersOnly.length} chars`);
});

test("a token cut short at any point is refused", async () => {
  const token = await WWCShare.encode(fullAssessment(), { ticks: true });
  for (let cut = 1; cut < token.length; cut += Math.max(1, Math.floor(token.length / 60))) {
    const decoded = await WWCShare.decode(token.slice(0, cut), LIMITS);
    assert.equal(decoded.ok, false, `cut at ${cut}`);
    assert.ok(["not-a-link", "damaged"].includes(decoded.error.code), decoded.error.code);
  }
});

test("property: any one changed character of the data is refused (checksum)", async () => {
  const token = await WWCShare.encode(fullAssessment(), {});
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const dataStart = token.lastIndexOf(".") + 1;
  let seed = 7;
  for (let i = 0; i < 120; i += 1) {
    seed = (seed * 48271) % 2147483647;
    const at = dataStart + (seed % (token.length - dataStart));
    const replacement = alphabet[(alphabet.indexOf(token[at]) + 1 + (seed % 63)) % 64];
    const tampered = token.slice(0, at) + replacement + token.slice(at + 1);
    const decoded = await WWCShare.decode(tampered, LIMITS);
    assert.equal(decoded.ok, false, `changed at ${at}`);
  }
});

test("a link with a valid checksum but the wrong shape is refused as invalid", async () => {
  const bytes = new TextEncoder().encode(JSON.stringify({ e: "assessment-45", n: "x", a: { DG1: "<script>" } }));
  const compressed = new Uint8Array(
    await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer(),
  );
  const token = `1.${WWCShare.crc32(bytes).toString(36)}.${Buffer.from(compressed).toString("base64url")}`;
  assert.deepEqual(await WWCShare.decode(token, LIMITS), { ok: false, error: { code: "invalid", detail: "answers" } });
});

test("a crafted link that inflates beyond the cap is refused (no zip bomb)", async () => {
  const bytes = new TextEncoder().encode(JSON.stringify({ e: "assessment-45", n: "x".repeat(1000000), a: {} }));
  const compressed = new Uint8Array(
    await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer(),
  );
  const token = `1.${WWCShare.crc32(bytes).toString(36)}.${Buffer.from(compressed).toString("base64url")}`;
  assert.ok(token.length < LIMITS.max_chars);
  assert.equal((await WWCShare.decode(token, LIMITS)).error.code, "too-large");
});

test("over-long, foreign, newer-version and empty tokens are refused with their reason", async () => {
  assert.equal((await WWCShare.decode(`1.a.${"A".repeat(9000)}`, LIMITS)).error.code, "too-long");
  assert.equal((await WWCShare.decode("hello", LIMITS)).error.code, "not-a-link");
  assert.equal((await WWCShare.decode("", LIMITS)).error.code, "not-a-link");
  assert.equal((await WWCShare.decode("9.abc.AAAA", LIMITS)).error.code, "newer-version");
  assert.equal((await WWCShare.decode("1.abc.A", LIMITS)).error.code, "damaged");
});

test("tokenFromHash and linkFor", () => {
  assert.equal(WWCShare.tokenFromHash("#share=1.a.b", "share"), "1.a.b");
  assert.equal(WWCShare.tokenFromHash("#x=1&share=1.a.b", "share"), "1.a.b");
  assert.equal(WWCShare.tokenFromHash("#dg1", "share"), "");
  assert.equal(WWCShare.linkFor("http://h/self-check/#old", "share", "1.a.b"), "http://h/self-check/#share=1.a.b");
});
