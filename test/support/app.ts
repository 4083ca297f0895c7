import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../db/embedded";

export interface RunningApp {
  url: string;
  /** The app's primary process (the shell's, with npmStart). */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the built portal (`node build/index.js`, as `npm start` does after building) on a free port and
 * waits until it says it is ready; with `npmStart`, runs `npm start` itself, build included. Without
 * DATABASE_URL in `env` it starts its own embedded PostgreSQL in DATA_DIR.
 */
export async function startApp(
  env: Record<string, string | undefined>,
  { timeoutMs = 90_000, npmStart = false, cwd = process.cwd() } = {},
): Promise<RunningApp> {
  // The port is chosen here so that PUBLIC_URL (used in emailed links) can name it.
  const port = String(await freePort());
  const [command, args] = npmStart ? ["npm", ["start"]] : [process.execPath, ["build/index.js"]];
  const child: ChildProcess = spawn(command, args, {
    cwd,
    // npm runs the app in a shell of its own: a process group of its own, so stopping reaches them all.
    detached: npmStart,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: port,
      PUBLIC_URL: `http://localhost:${port}`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The app did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const check = () => {
      const ready = output.match(/Portal ready on (http:\/\/[^\s"]+)/);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The app exited with code ${code} before it was ready:\n${output}`));
    });
  });

  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      if (npmStart) process.kill(-child.pid!, "SIGTERM");
      else child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * A copy of the project as a fresh clone has it (the files git knows, without build output), sharing
 * this checkout's node_modules: `npm start` can build there without touching the build other tests use.
 */
export function freshCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-clone-"));
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    cpSync(file, path.join(dir, file));
  }
  symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
  return dir;
}
