import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { env } from "~/env.server";
import { checkAddress, checkOrigin, readForm } from "./edge.server";
import { refuse } from "./edge-page.server";
import { guardBuild, RETRY_AFTER_SECONDS } from "./guard-build.server";
import { describeForLog, log, requestContext } from "./log.server";
import { errorsTotal, requestDuration } from "./metrics.server";

/**
 * The Express app in front of Remix: request ids and logs, edge checks on every request, security
 * headers, compression, static files, then the routes (each loader and action guarded, see guardBuild).
 */
export function createExpressApp(build: ServerBuild) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);

  app.use(logRequests);
  app.use(checkAddress);
  app.use((_request, response, next) => {
    response.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });

  const https = env.PUBLIC_URL?.startsWith("https:") === true;
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_request, response) => `'nonce-${(response as express.Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
          ...(https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: https ? { maxAge: 63072000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "same-origin" },
      crossOriginEmbedderPolicy: false,
      frameguard: { action: "deny" },
    }),
  );
  app.use(finalHeaders);
  app.use(checkOrigin);
  app.use(compression());

  // Fingerprinted build output can be cached for ever; other public files for an hour.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Only where files are, so page requests do not each look for a file on disk first.
  app.use("/faces", express.static("public/faces", { maxAge: "1h", fallthrough: false }));
  app.use("/easy-read", express.static("public/easy-read", { maxAge: "1h", fallthrough: false }));
  app.get("/favicon.svg", (_request, response) =>
    response.sendFile(path.resolve("public/favicon.svg"), { maxAge: "1h" }),
  );

  app.all("*", readForm, remixHandler(guardBuild(build)));
  // Anything that escaped: a localised page, never a stack trace.
  app.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500)
      return void refuse(request, response, "badRequest");
    errorsTotal.inc({ kind: "server" });
    log.error({ err: describeForLog(error) }, "request failed outside the routes");
    void refuse(request, response, "failed");
  });
  return app;
}

/** A request id (the proxy's, when it sent a sane one), then one log line and one timing per response. */
function logRequests(request: Request, response: Response, next: NextFunction) {
  const given = request.get("x-request-id");
  const id = given && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
  response.setHeader("X-Request-Id", id);
  const started = process.hrtime.bigint();
  const context = { id, depth: -1, route: undefined as string | undefined };
  response.once("close", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = context.route ?? (request.path.startsWith("/build/") ? "static" : "none");
    const status = response.headersSent ? response.statusCode : 499; // 499: the client went away first
    requestDuration.observe({ route, method: request.method, status: String(status) }, seconds);
    if (status >= 500) errorsTotal.inc({ kind: status === 503 ? "unavailable" : "server" });
    // Probes by load balancers and static files would drown everything else at info level.
    const quiet = route === "static" || route === "routes/healthz" || route === "routes/readyz";
    log[quiet ? "debug" : status >= 500 ? "warn" : "info"](
      { reqId: id, method: request.method, route, status, ms: Math.round(seconds * 1000) },
      "request",
    );
  });
  requestContext.run(context, next);
}

/**
 * Headers every response of a kind must have, whatever the route set: staff pages and the pages that
 * carry a token in their address are never cached and never leak their address as a referrer; errors
 * are never cached; a 503 says when to come back.
 */
function finalHeaders(request: Request, response: Response, next: NextFunction) {
  const sensitive = /^\/staff(\/|$)/.test(request.path) || /^\/s\/[^/]+\/[^/]+\/resume\//.test(request.path);
  const writeHead = response.writeHead;
  response.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    if (sensitive) {
      this.setHeader("Cache-Control", "no-store");
      this.setHeader("Referrer-Policy", "no-referrer");
    }
    if (this.statusCode >= 500) this.setHeader("Cache-Control", "no-store");
    if (this.statusCode === 503 && !this.hasHeader("Retry-After"))
      this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    return writeHead.apply(this, args);
  } as Response["writeHead"];
  next();
}

/** Remix's Express adapter, reading the form that readForm has already checked instead of the stream. */
function remixHandler(build: ServerBuild) {
  const handle = createRequestHandler(build, build.mode);
  return async (request: Request, response: Response, next: NextFunction) => {
    try {
      let url: URL;
      try {
        url = new URL(`${request.protocol}://${request.get("host")}${request.originalUrl}`);
      } catch {
        return void refuse(request, response, "badRequest"); // a Host header that is not a host
      }
      const controller = new AbortController();
      response.once("close", () => response.writableFinished || controller.abort());
      const form = (request as Request & { form?: string }).form;
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        // Origin was judged at the edge (checkOrigin); Remix's own check would turn "null", or an
        // X-Forwarded-Host a client made up, into a 500. The address is built from Host alone.
        if (name === "origin" || name === "x-forwarded-host") continue;
        for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
      }
      const remixRequest = new globalThis.Request(url.href, {
        method: request.method,
        headers,
        signal: controller.signal,
        ...(form ? { body: form } : {}),
      });
      const remixResponse = await handle(remixRequest, {
        cspNonce: response.locals.cspNonce as string,
        clientAddress: request.ip ?? "unknown",
      });
      response.statusMessage = remixResponse.statusText;
      response.status(remixResponse.status);
      for (const [name, value] of remixResponse.headers.entries()) response.append(name, value);
      if (remixResponse.body) await writeReadableStreamToWritable(remixResponse.body, response);
      else response.end();
    } catch (error) {
      next(error);
    }
  };
}
