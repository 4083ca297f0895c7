import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrate } from "../../db/migrate";
import { parseWav } from "../../app/easy-read/pcm.js";
import { startApp } from "../support/app";
import { createInspectionOpenAt } from "../support/inspections";

/**
 * The easy-read survey's speech, on this machine: the time to make one question screen's audio the
 * first time (every line new to the server, in Urdu), a page view made while that speech is being made
 * (it runs in a worker thread, so it must not wait), and the time to serve the same audio again from
 * the cache. Run with `npm run bench:speech`; it prints figures and fails only if the
 * audio is not audio.
 */
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function main() {
  console.log("Building the app…");
  execFileSync("node_modules/.bin/remix", ["build"], {
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });

  const dir = mkdtempSync(path.join(tmpdir(), "portal-speech-bench-"));
  chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres(path.join(dir, "pg"));
  const admin = postgres(database.url, { max: 1, onnotice: () => {} });
  await admin.unsafe("create database bench");
  await admin.end();
  const url = new URL(database.url);
  url.pathname = "/bench";
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  await migrate(sql);
  const app = await startApp({ DATABASE_URL: url.toString(), DATA_DIR: dir, WEB_CONCURRENCY: "1" });
  await createInspectionOpenAt(
    sql,
    { DATABASE_URL: url.toString(), DATA_DIR: dir },
    {
      area: "Speechshire",
      slug: "speech",
      opens: "-1 hour",
      closes: "1 day",
    },
  );

  try {
    const page = `${app.url}/s/speech/young-people/questions/2?lng=ur`;
    const headers = {};
    const html = await (await fetch(page, { headers })).text();
    const src = html.match(/<audio[^>]*src="(\/audio\/[0-9a-f-]+\.wav)"/)?.[1];
    if (!src) throw new Error("The question page has no audio");
    const lines = src.split("-").length;

    console.log(`\nOne question screen in Urdu: ${lines} lines, none spoken before`);
    const making = timed(() => fetch(`${app.url}${src}`).then((response) => response.arrayBuffer()));
    // While the worker thread speaks, the same process serves a page.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [, pageMs] = await timed(() => fetch(page, { headers }).then((response) => response.text()));
    const [bytes, makeMs] = await making;
    const wav = parseWav(new Uint8Array(bytes));
    if (wav.sampleRate !== 16000 || wav.seconds < 3) throw new Error("The audio is not speech");
    console.log(
      `   made and served: ${Math.round(makeMs)} ms (${wav.seconds.toFixed(1)} s of audio, ${Math.round(bytes.byteLength / 1024)} KB)`,
    );
    console.log(`   a page view meanwhile: ${Math.round(pageMs)} ms`);

    const again: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const [, ms] = await timed(() => fetch(`${app.url}${src}`).then((response) => response.arrayBuffer()));
      again.push(ms);
    }
    console.log(`   served again from the cache: median of 5 ${median(again).toFixed(1)} ms`);
  } finally {
    await app.stop();
    await sql.end();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
