import cluster, { type Worker } from "node:cluster";
import { once } from "node:events";
import { createServer as createHttpServer } from "node:http";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { migrate } from "../../db/migrate";
import { DEMO_SLUG, seedDemo } from "../../db/seed-demo";
import { closeDatabase, database, sql } from "~/db.server";
import { env } from "~/env.server";
import { SlugTakenError } from "~/inspections/inspections.server";
import { startMailWorker } from "~/mail/outbox.server";
import { startHousekeeping } from "~/housekeeping.server";
import { scheduleRetention } from "~/retention/retention.server";
import { createExpressApp } from "./express.server";
import { describeForLog, log } from "./log.server";
import { shareWorkerMetrics, startMetricsServer } from "./metrics.server";

/**
 * One primary process owns the shared resources: the listening socket, the embedded database (when
 * there is no DATABASE_URL) and the daily jobs. It accepts every connection itself and hands each to a
 * worker (one per CPU core, rendering pages), so the port stays held even when every worker has died
 * at once: connections wait for a worker instead of being refused or taken by a stranger. Workers
 * that die are replaced, with a growing pause if they keep dying.
 */
type Message = { portal: "connection"; id: number } | { portal: "accepted"; id: number } | { portal: "ready" };
const isMessage = (value: unknown): value is Message =>
  typeof value === "object" && value !== null && "portal" in value;

// A connection waits this long for a worker before it is told to come back later.
const WAIT_FOR_WORKER_MS = 30_000;
const MAX_WAITING = 1_000;
const UNAVAILABLE =
  "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 30\r\nContent-Type: text/plain; charset=utf-8\r\n" +
  "Cache-Control: no-store\r\nContent-Length: 54\r\nConnection: close\r\n\r\n" +
  "The service is busy. Try again in a minute, please.\r\n\r\n";

export async function runPrimary() {
  let stopping = false;
  const listener = await holdPort();

  // Only the primary starts or joins the embedded database, and it restarts it if it stops.
  database.supervise?.((line) => log.warn({ component: "postgres" }, line));
  await untilDatabaseAnswers(async () => {
    await migrate(sql);
    // Several instances starting at once on an empty database race to seed the demo: one wins.
    if (env.SEED_DEMO ?? !env.DATABASE_URL) {
      await seedDemo({ refresh: false }).catch((error) => {
        if (!(error instanceof SlugTakenError)) throw error;
      });
    }
  });

  const ready = new Set<Worker>();
  const waiting: Array<{ socket: Socket; timer: NodeJS.Timeout }> = [];
  // Connections handed to a worker that has not yet said it has them. The primary keeps its own copy
  // until then, so a connection sent to a worker that dies that very moment goes to another instead of
  // hanging: a killed worker cannot lose a connection it never took.
  const handedOver = new Map<number, { socket: Socket; worker: Worker }>();
  let turn = 0;
  let nextId = 0;

  const dispatch = (socket: Socket) => {
    const workers = [...ready].filter((worker) => worker.isConnected());
    if (workers.length === 0) {
      if (waiting.length >= MAX_WAITING) return void socket.end(UNAVAILABLE);
      const entry = {
        socket,
        timer: setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1);
          socket.end(UNAVAILABLE);
        }, WAIT_FOR_WORKER_MS),
      };
      waiting.push(entry);
      socket.once("error", () => {});
      return;
    }
    const worker = workers[turn++ % workers.length]!;
    const id = nextId++;
    handedOver.set(id, { socket, worker });
    worker.send({ portal: "connection", id } satisfies Message, socket, { keepOpen: true }, (error) => {
      if (!error || !handedOver.delete(id)) return;
      ready.delete(worker);
      dispatch(socket);
    });
  };
  listener.on("connection", dispatch);

  const count = env.WEB_CONCURRENCY ?? availableParallelism();
  const workerUrl = { DATABASE_URL: database.url };
  let announced = false;
  let quickExits = 0;

  const fork = () => {
    const worker = cluster.fork(workerUrl);
    const startedAt = Date.now();
    worker.on("message", (message: unknown) => {
      if (!isMessage(message)) return;
      if (message.portal === "accepted") {
        // The worker holds the connection now; closing the primary's copy leaves the worker's open.
        handedOver.get(message.id)?.socket.destroy();
        handedOver.delete(message.id);
        return;
      }
      if (message.portal !== "ready") return;
      ready.add(worker);
      for (const entry of waiting.splice(0)) {
        clearTimeout(entry.timer);
        dispatch(entry.socket);
      }
      if (!announced && ready.size === count) {
        announced = true;
        const { port } = listener.address() as { port: number };
        log.info({ port, workers: count }, "ready");
        console.log(startupSummary(`http://localhost:${port}`));
      }
    });
    worker.on("exit", (code, signal) => {
      ready.delete(worker);
      for (const [id, entry] of handedOver) {
        if (entry.worker !== worker) continue;
        handedOver.delete(id);
        if (stopping) entry.socket.destroy();
        else dispatch(entry.socket);
      }
      if (stopping) return;
      // A worker that keeps dying soon after starting is restarted ever more slowly (up to 30 s).
      quickExits = Date.now() - startedAt < 30_000 ? quickExits + 1 : 0;
      const delay = quickExits === 0 ? 0 : Math.min(30_000, 250 * 2 ** (quickExits - 1));
      log.error({ worker: worker.id, code, signal, restartInMs: delay }, "worker stopped; starting another");
      setTimeout(() => stopping || fork(), delay).unref();
    });
  };
  for (let n = 0; n < count; n += 1) fork();

  const metrics = startMetricsServer();
  const retention = scheduleRetention();
  const housekeeping = startHousekeeping();

  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    log.info("stopping: finishing requests in progress");
    listener.close();
    for (const entry of waiting.splice(0)) {
      clearTimeout(entry.timer);
      entry.socket.end(UNAVAILABLE);
    }
    clearInterval(retention);
    clearInterval(housekeeping);
    metrics?.close();
    // Each worker finishes the requests it has; one that takes too long is stopped.
    const running = Object.values(cluster.workers ?? {}).filter(
      (worker): worker is Worker => !!worker && !worker.isDead(),
    );
    await Promise.all(
      running.map(async (worker) => {
        const exited = once(worker, "exit");
        worker.process.kill("SIGTERM");
        const timer = setTimeout(() => worker.process.kill("SIGKILL"), 20_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    await closeDatabase();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

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

/** Binds PORT before anything else, or stops with a message that says what is wrong. */
async function holdPort(): Promise<NetServer> {
  const listener = createNetServer({ pauseOnConnect: true });
  try {
    await new Promise<void>((resolve, reject) => {
      listener.once("error", reject);
      listener.listen(env.PORT, () => resolve());
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EADDRINUSE"
        ? `port ${env.PORT} is already in use by another program. Stop that program, or set PORT to a free port.`
        : code === "EACCES"
          ? `this user may not listen on port ${env.PORT}. Choose a port above 1023 with PORT.`
          : `port ${env.PORT} could not be opened (${code}).`;
    log.fatal({ port: env.PORT, code }, `The portal cannot start: ${reason}`);
    console.error(`The portal cannot start: ${reason}`);
    process.exit(1);
  }
  listener.on("error", (error) => log.error({ err: describeForLog(error) }, "listening socket error"));
  return listener;
}

/** Runs `work` once the database answers, trying again with a growing pause (a database still starting). */
async function untilDatabaseAnswers(work: () => Promise<void>) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 12 || !code || /^(2|4)/.test(code)) throw error; // a real fault, not a database still away
      const delay = Math.min(10_000, 250 * 2 ** attempt);
      log.warn({ attempt, code, retryInMs: delay }, "waiting for the database");
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** A worker: renders pages for the connections the primary hands it, delivers email. */
export async function runWorker(build: ServerBuild) {
  let stopping = false;
  shareWorkerMetrics();
  const server = createHttpServer(createExpressApp(build));
  // A slow client may not hold a worker's attention for long.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  // Idle connections stay open longer than a load balancer's or a client's own idle limit (often 60 s),
  // so a request is never sent on a connection the worker is closing at that moment (Node's 5 s default
  // loses such requests whenever the client is briefly busy).
  server.keepAliveTimeout = 65_000;
  // Requests in progress, for a shutdown that lets them finish. (The server never listens itself, so
  // server.close() cannot be waited on: it would answer at once that it is not listening.)
  let inFlight = 0;
  server.on("request", (_request, response) => {
    inFlight += 1;
    response.once("close", () => (inFlight -= 1));
    if (stopping) response.setHeader("Connection", "close");
  });
  process.on("message", (message: unknown, socket?: Socket) => {
    if (!isMessage(message) || message.portal !== "connection" || !socket) return;
    process.send?.({ portal: "accepted", id: message.id } satisfies Message);
    if (stopping) return void socket.destroy();
    server.emit("connection", socket);
    socket.resume();
  });

  // Email waits for the database if it is away; pages meanwhile answer 503.
  let mailWorker: Awaited<ReturnType<typeof startMailWorker>> | undefined;
  const startMail = async (attempt = 1): Promise<void> => {
    if (stopping) return;
    try {
      mailWorker = await startMailWorker();
    } catch (error) {
      log.warn({ err: describeForLog(error), attempt }, "mail worker waiting for the database");
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** attempt)));
      return startMail(attempt + 1);
    }
  };
  void startMail();
  process.send?.({ portal: "ready" } satisfies Message);

  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    // Requests in progress finish (for up to 15 s); idle keep-alive connections close; then the rest are cut.
    const deadline = Date.now() + 15_000;
    while (inFlight > 0 && Date.now() < deadline) {
      server.closeIdleConnections();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    server.closeAllConnections();
    await mailWorker?.stop();
    await sql.end({ timeout: 5 });
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
