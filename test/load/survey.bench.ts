import { execFileSync } from "node:child_process";
import { randomBytes, createHash } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createCookie } from "@remix-run/node";
import autocannon from "autocannon";
import postgres from "postgres";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrate } from "../../db/migrate";
import { startApp } from "../support/app";
import { createInspectionOpenAt } from "../support/inspections";

/**
 * The parent survey under load, on this machine, against the embedded PostgreSQL:
 *   1. page weight: each survey page's HTML, and all the JavaScript its route loads, gzipped;
 *   2. page views per second (autocannon on a question page);
 *   3. completed submissions per second, with latency percentiles;
 *   4. 5,000 parents submitting within a minute: every accepted response is in the database, once.
 * Run with `npm run bench`. It prints figures against the targets; it fails only if a response is
 * lost or duplicated. Each simulated parent comes from its own address (X-Forwarded-For, as behind a
 * load balancer), so the per-client limits apply as they would to real parents.
 */
const TARGETS = { htmlKb: 30, jsKb: 120, pageViews: 300, submissions: 100, p95Ms: 300 };

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

async function main() {
  console.log("Building the app…");
  execFileSync("node_modules/.bin/remix", ["build"], {
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });

  const dir = mkdtempSync(path.join(tmpdir(), "portal-bench-"));
  chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres(path.join(dir, "pg"));
  const admin = postgres(database.url, { max: 1, onnotice: () => {} });
  await admin.unsafe("create database bench");
  await admin.end();
  const url = new URL(database.url);
  url.pathname = "/bench";
  const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
  await migrate(sql);

  const app = await startApp({ DATABASE_URL: url.toString(), DATA_DIR: dir, TRUST_PROXY: "1" });
  const env = { DATABASE_URL: url.toString(), DATA_DIR: dir };
  await createInspectionOpenAt(sql, env, { area: "Benchshire", slug: "bench", opens: "-1 hour", closes: "1 day" });
  const [survey] = await sql<{ id: string }[]>`
    select s.id from surveys s join inspections i on i.id = s.inspection_id where i.slug = 'bench' and s.audience = 'parents'`;
  const questions = await sql<{ id: string; kind: string; options: Array<{ value: string }> }[]>`
    select id, kind, options from questions where survey_id = ${survey!.id} order by position`;
  const base = `${app.url}/s/bench/parents`;

  try {
    // 1. Page weight.
    console.log("\n1. Page weight (gzip)");
    const scripts = new Set<string>();
    let heaviestHtml = 0;
    for (const page of ["", "/questions/1", "/questions/9", "/questions/11", "/check"]) {
      const html = await (await fetch(`${base}${page}`)).text();
      const size = gzipSync(html).length;
      heaviestHtml = Math.max(heaviestHtml, size);
      console.log(`   ${`/s/bench/parents${page}`.padEnd(32)} ${kb(size)} KB HTML`);
      for (const match of html.matchAll(/(?:href|src)="(\/build\/[^"]+\.js)"|import\("(\/build\/[^"]+\.js)"\)/g))
        scripts.add(match[1] ?? match[2]!);
    }
    let javascript = 0;
    for (const script of scripts)
      javascript += gzipSync(Buffer.from(await (await fetch(`${app.url}${script}`)).arrayBuffer())).length;
    console.log(`   JavaScript for the survey route: ${scripts.size} files, ${kb(javascript)} KB`);

    // 2. Page views.
    console.log("\n2. Page views: GET a question page for 10 s, 50 connections");
    const views = await autocannon({
      url: `${base}/questions/1`,
      connections: 50,
      duration: 10,
      headers: { "accept-encoding": "gzip" },
    });
    const viewRate = Math.round(views.requests.average);
    console.log(
      `   ${viewRate} pages/s, latency p50 ${views.latency.p50} ms, p97.5 ${views.latency.p97_5} ms, errors ${views.errors + views.non2xx}`,
    );

    // Drafts ready to submit, written as the app writes them (hash of the cookie's secret).
    const cookie = createCookie(`draft-${survey!.id}`, { path: "/" });
    async function drafts(count: number) {
      const ids = Array.from({ length: count }, () => randomBytes(32).toString("base64url"));
      const answers = Object.fromEntries(
        questions.map((question) => [
          question.id,
          question.kind === "text"
            ? "Things got better once the school listened."
            : question.kind === "scale"
              ? "agree"
              : question.options[0]!.value,
        ]),
      );
      for (let start = 0; start < ids.length; start += 1000) {
        const batch = ids.slice(start, start + 1000);
        await sql`
          insert into survey_drafts (id_hash, survey_id, answers, expires_at)
          select decode(hash, 'hex'), ${survey!.id}, ${sql.json(answers)}, now() + interval '1 day'
          from unnest(${batch.map((id) => createHash("sha256").update(id).digest("hex"))}::text[]) as hash`;
      }
      return Promise.all(ids.map(async (id) => (await cookie.serialize(id)).split(";")[0]!));
    }

    /** Submits each draft once, `concurrency` at a time; returns latencies and how many were accepted. */
    async function submitAll(cookies: string[], concurrency: number, offset: number, paceMs = 0) {
      const latencies: number[] = [];
      let accepted = 0;
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < cookies.length) {
            const n = next++;
            if (paceMs) {
              const due = started + n * paceMs;
              if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
            }
            const begin = performance.now();
            const response = await fetch(`${base}/check`, {
              method: "POST",
              redirect: "manual",
              headers: {
                Cookie: cookies[n]!,
                "X-Forwarded-For": address(offset + n),
                "Content-Type": "application/x-www-form-urlencoded",
              },
              body: "website=",
            });
            latencies.push(performance.now() - begin);
            if (response.status === 302 && response.headers.get("location")?.endsWith("/done")) accepted += 1;
          }
        }),
      );
      return { latencies: latencies.sort((a, b) => a - b), accepted, seconds: (performance.now() - started) / 1000 };
    }

    // 3. Submissions per second.
    console.log("\n3. Completed submissions: 2,000 drafts, 20 at a time");
    const burst = await submitAll(await drafts(2000), 20, 0);
    const submitRate = Math.round(burst.accepted / burst.seconds);
    const p95 = Math.round(percentile(burst.latencies, 95));
    console.log(
      `   ${submitRate} submissions/s, latency p50 ${Math.round(percentile(burst.latencies, 50))} ms, p95 ${p95} ms, accepted ${burst.accepted}/2000`,
    );

    // 4. 5,000 parents within a minute.
    console.log("\n4. 5,000 parents submitting within a minute (paced over 50 s, up to 50 at once)");
    // Submitted responses wait in pending_responses until a batch of 10 moves them into responses.
    const held = async () =>
      (await sql<[{ n: number }]>`select (select count(*) from responses) + (select count(*) from pending_responses) as n`)[0]
        .n;
    const before = Number(await held());
    const minute = await submitAll(await drafts(5000), 50, 100_000, 10);
    const stored = Number(await held()) - before;
    const lost = minute.accepted - stored;
    console.log(
      `   ${minute.accepted} accepted in ${minute.seconds.toFixed(1)} s, ${stored} in the database (difference ${lost}), ` +
        `p95 ${Math.round(percentile(minute.latencies, 95))} ms`,
    );

    console.log("\nAgainst the targets");
    const line = (name: string, ok: boolean, figure: string) =>
      console.log(`   ${ok ? "met    " : "MISSED "} ${name}: ${figure}`);
    line(
      "HTML per page under 30 KB gzipped",
      kb(heaviestHtml) < TARGETS.htmlKb,
      `${kb(heaviestHtml)} KB (heaviest page)`,
    );
    line("JavaScript under 120 KB gzipped", kb(javascript) < TARGETS.jsKb, `${kb(javascript)} KB`);
    line("at least 300 page views/s", viewRate >= TARGETS.pageViews, `${viewRate}/s`);
    line("at least 100 submissions/s", submitRate >= TARGETS.submissions, `${submitRate}/s`);
    line("submission p95 under 300 ms", p95 < TARGETS.p95Ms, `${p95} ms`);
    line(
      "5,000 in a minute: none lost or duplicated",
      lost === 0 && minute.accepted === 5000 && minute.seconds <= 60,
      `${stored}/${minute.accepted}`,
    );
    if (lost !== 0) process.exitCode = 1;
  } finally {
    await app.stop();
    await sql.end();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
