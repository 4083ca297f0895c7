import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { env } from "~/env.server";

/**
 * Structured JSON logs on standard output, one object per line. Privacy by construction: a request is
 * logged by its Remix route id ("routes/s.$slug.$audience.resume.$token"), never its path or query,
 * which can hold sign-in and resume tokens; no bodies, addresses, emails or user agents; and errors by
 * their class, code and stack frames, never their message, which can quote what someone typed.
 */
export const log = pino({
  level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "warn" : "info"),
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

/** What is known about the request being handled, wherever in its handling we are. */
export interface RequestContext {
  id: string;
  /** The deepest Remix route that ran for it, and how deep it is. */
  route?: string;
  depth: number;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** Records that `route` handled (part of) this request; the deepest one names the request in the log. */
export function noteRoute(route: string, depth: number) {
  const context = requestContext.getStore();
  if (context && depth >= context.depth) Object.assign(context, { route, depth });
}

/** The request being handled, for a log line written deep inside it. */
export function currentRequest() {
  const context = requestContext.getStore();
  return context ? { reqId: context.id, route: context.route } : {};
}

/** An error as it may be logged: no message (it can quote input), only what says where and why. */
export function describeForLog(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code } = error as { code?: unknown };
  return {
    type: error.name,
    ...(typeof code === "string" ? { code } : {}),
    stack: (error.stack ?? "")
      .split("\n")
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 8)
      .map((line) => line.trim()),
  };
}
