import cluster from "node:cluster";
import { once } from "node:events";
import type { Server } from "node:http";
import { availableParallelism } from "node:os";
import path from "node:path";
import * as build from "@remix-run/dev/server-build";
import { migrate } from "../db/migrate";
import { DEMO_SLUG, seedDemo } from "../db/seed-demo";
import { closeDatabase, sql } from "./db.server";
import { env } from "./env.server";
import { startHousekeeping } from "./housekeeping.server";
import { createExpressApp } from "./http/express.server";
import { startMailWorker } from "./mail/outbox.server";

/**
 * The portal's HTTP server, bundled with the Remix app by `remix build` (remix.config.js `server`).
 * Rendering pages is CPU work and the app keeps no state of its own, so one primary process prepares
 * the database (importing db.server has started or joined it), then runs a worker per CPU core, all
 * serving the same port. A worker that dies is replaced.
 */
let stopping = false;

/** What a newcomer needs to know once the portal is up: where it is, where its data and emails go. */
function startupSummary(url: string) {
  const data = path.resolve(env.DATA_DIR);
  return [
    `Portal ready on ${url}`,
    `  Database: ${env.DATABASE_URL ? "the server in DATABASE_URL" : `embedded PostgreSQL, data in ${path.join(data, "postgres")}`}`,
    `  Emails:   ${env.SMTP_URL ? "sent through SMTP_URL" : `written to ${path.join(data, "outbox")} as .eml files`}`,
    `  Demo:     ${url}/s/${DEMO_SLUG} (the survey a parent sees)`,
    `  Staff:    npm run portal -- add-staff --email you@example.org --role admin`,
    `            then sign in at ${url}/staff with that address${env.SMTP_URL ? "" : " (the link arrives in the outbox folder)"}`,
  ].join("\n");
}

if (cluster.isPrimary) {
  await migrate(sql);
  if (env.SEED_DEMO ?? !env.DATABASE_URL) await seedDemo({ refresh: false });
  const count = env.WEB_CONCURRENCY ?? availableParallelism();
  let listening = 0;
  cluster.on("listening", (_worker, address) => {
    listening += 1;
    if (listening === count) console.log(startupSummary(`http://localhost:${address.port}`));
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`[server] worker ${worker.id} stopped (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (let n = 0; n < count; n += 1) cluster.fork();

  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    // A Ctrl+C in a terminal reaches the workers too, so some may already be gone.
    const running = Object.values(cluster.workers ?? {}).filter((worker) => worker && !worker.isDead());
    await Promise.all(running.map((worker) => (worker!.kill("SIGTERM"), once(worker!, "exit"))));
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
} else {
  // Every worker also delivers email; SKIP LOCKED keeps several from sending a message twice.
  const mailWorker = await startMailWorker();
  const housekeeping = startHousekeeping();
  const server: Server = createExpressApp(build).listen(env.PORT);

  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    clearInterval(housekeeping);
    await mailWorker.stop();
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
