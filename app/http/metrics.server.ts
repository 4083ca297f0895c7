import cluster from "node:cluster";
import { createServer, type Server } from "node:http";
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry } from "prom-client";
import { sql } from "~/db.server";
import { env } from "~/env.server";
import { log } from "./log.server";

/**
 * Prometheus metrics. Each worker counts its own requests; the primary adds them up across workers
 * (prom-client's cluster aggregation) and reads the database-wide figures itself when scraped, on a
 * private port (METRICS_PORT, bound to METRICS_HOST, the loopback address by default) that the public
 * never reaches. Labels are route ids and survey names, never paths or anything a person sent.
 */
export const workerRegistry = new Registry();

export const requestDuration = new Histogram({
  name: "portal_http_request_duration_seconds",
  help: "Time to answer a request, by Remix route id, method and status code",
  labelNames: ["route", "method", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [workerRegistry],
});

export const errorsTotal = new Counter({
  name: "portal_errors_total",
  help: "Errors by kind: server (a 500), unavailable (database away, 503), bad-input (refused at the edge or by the database)",
  labelNames: ["kind"] as const,
  registers: [workerRegistry],
});

/** In a worker: answer the primary's requests for this worker's metrics. */
export function shareWorkerMetrics() {
  AggregatorRegistry.setRegistries([workerRegistry]);
  new AggregatorRegistry(); // constructing it installs the worker's message listener
}

/** Figures read from the database at each scrape (in the primary only, so they are not added up twice). */
function databaseRegistry() {
  const registry = new Registry();
  const up = new Gauge({
    name: "portal_database_up",
    help: "1 when the database answered the scrape",
    registers: [registry],
  });
  const responses = new Gauge({
    name: "portal_survey_responses",
    help: "Responses received per survey, for surveys that are open or closed in the last 30 days",
    labelNames: ["inspection", "audience"] as const,
    registers: [registry],
  });
  const outboxDepth = new Gauge({
    name: "portal_outbox_pending",
    help: "Emails waiting to be sent",
    registers: [registry],
  });
  const outboxAge = new Gauge({
    name: "portal_outbox_oldest_pending_seconds",
    help: "Age of the oldest email waiting to be sent (0 when none)",
    registers: [registry],
  });
  const collect = async () => {
    responses.reset();
    try {
      const rows = await sql<{ slug: string; audience: string; count: number }[]>`
        select i.slug, s.audience, count(r.id)::int as count
        from inspections i join surveys s on s.inspection_id = i.id left join responses r on r.survey_id = s.id
        where i.survey_opens_at <= now() and i.survey_closes_at > now() - interval '30 days'
        group by i.slug, s.audience`;
      for (const row of rows) responses.set({ inspection: row.slug, audience: row.audience }, row.count);
      const [outbox] = await sql<{ depth: number; oldest: number }[]>`
        select count(*)::int as depth, coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as oldest
        from outbox where status = 'pending'`;
      outboxDepth.set(outbox!.depth);
      outboxAge.set(outbox!.oldest);
      up.set(1);
    } catch {
      up.set(0);
    }
  };
  return { registry, collect };
}

/** In the primary: serves /metrics on METRICS_PORT, if set. */
export function startMetricsServer(): Server | undefined {
  if (!env.METRICS_PORT) return undefined;
  const aggregator = new AggregatorRegistry();
  const database = databaseRegistry();
  const server = createServer(async (request, response) => {
    if (request.url !== "/metrics" || request.method !== "GET") {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not Found");
      return;
    }
    try {
      await database.collect();
      const workers = cluster.isPrimary ? await aggregator.clusterMetrics() : await workerRegistry.metrics();
      response.writeHead(200, { "Content-Type": aggregator.contentType });
      response.end(`${workers}\n${await database.registry.metrics()}`);
    } catch (error) {
      response.writeHead(500, { "Content-Type": "text/plain" }).end("metrics unavailable");
      log.warn({ err: (error as Error).name }, "metrics scrape failed");
    }
  });
  server.on("error", (error) =>
    log.error({ port: env.METRICS_PORT, code: (error as NodeJS.ErrnoException).code }, "metrics port unavailable"),
  );
  server.listen(env.METRICS_PORT, env.METRICS_HOST, () =>
    log.info({ host: env.METRICS_HOST, port: env.METRICS_PORT }, "metrics served on a private port"),
  );
  return server;
}
