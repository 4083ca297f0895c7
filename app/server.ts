import cluster from "node:cluster";
import * as build from "@remix-run/dev/server-build";
import { runPrimary, runWorker } from "./http/cluster.server";

/**
 * The portal's HTTP server, bundled with the Remix app by `remix build` (remix.config.js `server`).
 * The primary process holds the port and the database and hands connections to workers, one per CPU
 * core (see app/http/cluster.server.ts).
 */
if (cluster.isPrimary) await runPrimary();
else await runWorker(build);
