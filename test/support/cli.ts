import { spawnSync } from "node:child_process";

/** Runs the operator CLI against a database, failing loudly if it fails. */
export function portal(args: string[], env: Record<string, string>) {
  const result = spawnSync("node_modules/.bin/tsx", ["app/cli.ts", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`portal ${args.join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}
