import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import * as build from "@remix-run/dev/server-build";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { migrate } from "../db/migrate";
import { seedDemo } from "../db/seed-demo";
import { closeDatabase, sql } from "./db.server";
import { env } from "./env.server";
import { startMailWorker } from "./mail/outbox.server";

/**
 * The portal's HTTP server, bundled with the Remix app by `remix build` (remix.config.js `server`).
 * Importing db.server has already started or joined the database; we migrate, seed the demo and listen.
 */
await migrate(sql);
await seedDemo({ refresh: false });
// Every app process also delivers email; SKIP LOCKED keeps several from sending a message twice.
const mailWorker = await startMailWorker();

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", false);

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
  if (request.method !== "GET" && request.method !== "HEAD" && origin && new URL(origin).host !== request.get("host")) {
    response.status(403).type("text/plain").send("Forbidden");
    return;
  }
  next();
});
app.use(compression());

// Fingerprinted build output can be cached for ever; other public files for an hour.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (request, response) => ({
      cspNonce: response.locals.cspNonce as string,
      clientAddress: request.socket.remoteAddress ?? "unknown",
    }),
  }),
);

const server: Server = app.listen(env.PORT, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(`Portal ready on http://localhost:${port}`);
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  await mailWorker.stop();
  await closeDatabase();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
