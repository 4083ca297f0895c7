import { json, type ServerBuild } from "@remix-run/node";
import { currentRequest, describeForLog, log, noteRoute } from "./log.server";
import { errorsTotal } from "./metrics.server";

/** Seconds a client is asked to wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 30;

// postgres.js and Node's codes for a database that cannot be reached, and PostgreSQL's SQLSTATEs for
// one that is shutting down, starting up, gone or full (classes 08, 53 and 57P, and a dropped database).
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "3D000",
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return false;
  return UNREACHABLE.has(code) || /^(08|53|57P)/.test(code);
}

/** Input the database refused as data (class 22: bad number, NUL, too long; 23: a check failed). */
function isRefusedInput(error: unknown): boolean {
  const code = (error as { code?: unknown; name?: unknown } | null)?.code;
  return (error as { name?: unknown }).name === "PostgresError" && typeof code === "string" && /^2[23]/.test(code);
}

/**
 * Wraps every route's loader and action, present and future, once, where the server is put together:
 * - the route id is noted for the request log (never the path);
 * - a database that is away becomes a 503 (with Retry-After, added by the edge) that says so, carrying
 *   back what the person had just submitted so that a page can offer it again (see OutageBoundary);
 * - input the database refuses becomes a 400 rather than a 500: a last net under the edge checks.
 */
export function guardBuild(build: ServerBuild): ServerBuild {
  const depthOf = (id: string): number => {
    const parent = build.routes[id]?.parentId;
    return parent ? depthOf(parent) + 1 : 0;
  };
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const module = { ...route.module } as Record<string, unknown>;
      for (const kind of ["loader", "action"] as const) {
        const handler = module[kind] as ((args: { request: Request }) => Promise<unknown>) | undefined;
        if (handler) module[kind] = guard(id, depthOf(id), kind, handler);
      }
      return [id, { ...route, module: module as unknown as typeof route.module }];
    }),
  );
  return { ...build, routes };
}

function guard(
  id: string,
  depth: number,
  kind: "loader" | "action",
  handler: (args: { request: Request }) => Promise<unknown>,
) {
  return async (args: { request: Request }) => {
    noteRoute(id, depth);
    // An action's form is kept aside (it is at most 100 KB) in case it has to be offered back.
    const copy = kind === "action" ? args.request.clone() : undefined;
    try {
      return await handler(args);
    } catch (error) {
      if (error instanceof Response) throw error;
      if (isDatabaseUnavailable(error)) {
        errorsTotal.inc({ kind: "unavailable" });
        log.warn({ ...currentRequest(), err: describeForLog(error) }, "database unavailable");
        const submitted = copy ? [...(await copy.formData().catch(() => new FormData()))] : [];
        throw json(
          {
            unavailable: true,
            submitted: submitted.filter((entry): entry is [string, string] => typeof entry[1] === "string"),
          },
          { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
        );
      }
      if (isRefusedInput(error)) {
        errorsTotal.inc({ kind: "bad-input" });
        log.warn({ ...currentRequest(), err: describeForLog(error) }, "input refused by the database");
        throw new Response("Bad Request", { status: 400 });
      }
      throw error;
    } finally {
      // Unread, the copy would hold its half of the body for as long as the request lives.
      if (copy && !copy.bodyUsed) void copy.body?.cancel().catch(() => {});
    }
  };
}
