import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { env } from "~/env.server";

/** The Express app in front of Remix: security headers, compression, static files, then the routes. */
export function createExpressApp(build: ServerBuild) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);

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
  app.use((_request, response, next) => {
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    next();
  });
  // Forms post only to their own site: a cross-site POST (forged request) is refused before any route runs.
  app.use((request, response, next) => {
    const origin = request.get("origin");
    if (
      request.method !== "GET" &&
      request.method !== "HEAD" &&
      origin &&
      new URL(origin).host !== request.get("host")
    ) {
      response.status(403).type("text/plain").send("Forbidden");
      return;
    }
    next();
  });
  app.use(compression());

  // Fingerprinted build output can be cached for ever; other public files for an hour.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Only where files are, so page requests do not each look for a file on disk first.
  app.use("/faces", express.static("public/faces", { maxAge: "1h", fallthrough: false }));
  app.use("/easy-read", express.static("public/easy-read", { maxAge: "1h", fallthrough: false }));
  app.get("/favicon.svg", (_request, response) =>
    response.sendFile(path.resolve("public/favicon.svg"), { maxAge: "1h" }),
  );

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (request, response) => ({
        cspNonce: response.locals.cspNonce as string,
        clientAddress: request.ip ?? "unknown",
      }),
    }),
  );
  return app;
}
