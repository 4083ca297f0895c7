import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Every route of the app, read from the files in app/routes, so a test over "every route" also covers
 * the ones added tomorrow. Follows Remix v2 flat-route file names: `.` separates segments, `$name` is a
 * parameter, `$` alone a splat, `_index` an index route, a trailing `_` leaves its layout, a leading
 * `_` is a layout without a segment, `[...]` is literal text.
 */
export interface AppRoute {
  file: string;
  /** Route id, as Remix names it ("routes/staff.people"). */
  id: string;
  /** Address segments: literal text, or a parameter's name after a colon (":slug"), or "*". */
  segments: string[];
  params: string[];
  hasLoader: boolean;
  hasAction: boolean;
  /** Field names and button values the route's own file writes, for posting to it. */
  fieldNames: string[];
  values: string[];
}

const routesDir = path.resolve("app/routes");

export function appRoutes(): AppRoute[] {
  return readdirSync(routesDir)
    .filter((file) => /\.(tsx?|jsx?)$/.test(file) && !file.startsWith("."))
    .map((file) => {
      const source = readFileSync(path.join(routesDir, file), "utf8");
      const name = file.replace(/\.(tsx?|jsx?)$/, "");
      const segments = splitSegments(name).flatMap((segment): string[] => {
        if (segment === "_index" || (segment.startsWith("_") && !segment.startsWith("_["))) return [];
        if (segment === "$") return ["*"];
        const literal = segment.replace(/_$/, "").replace(/\[([^\]]*)\]/g, "$1");
        return [segment.startsWith("$") ? `:${literal.slice(1)}` : literal];
      });
      // The file's last segment may glue literal text to the one before it ("results[.csv]").
      const merged = segments.reduce<string[]>((all, segment) => {
        if (segment.startsWith(".") && all.length) all[all.length - 1] += segment;
        else all.push(segment);
        return all;
      }, []);
      const exported = (what: string) =>
        new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${what}\\b`).test(source);
      return {
        file,
        id: `routes/${name}`,
        segments: merged,
        params: merged.filter((segment) => segment.startsWith(":")).map((segment) => segment.slice(1)),
        hasLoader: exported("loader"),
        hasAction: exported("action"),
        fieldNames: [
          ...new Set([...source.matchAll(/(?:name|get|getAll)\(?[=:]?\s*["'`]([\w[\].-]+)["'`]/g)].map((m) => m[1]!)),
        ],
        values: [...new Set([...source.matchAll(/value=["']([\w-]+)["']/g)].map((m) => m[1]!))],
      };
    });
}

function splitSegments(name: string): string[] {
  const segments: string[] = [];
  let current = "";
  let inBrackets = false;
  for (const character of name) {
    if (character === "[") inBrackets = true;
    if (character === "]") inBrackets = false;
    if (character === "." && !inBrackets) {
      segments.push(current);
      current = "";
    } else current += character;
  }
  segments.push(current);
  return segments;
}

/** The address of a route with each parameter filled in by `fill` (already URL-encoded by the caller). */
export function addressOf(route: AppRoute, fill: (param: string) => string): string {
  return `/${route.segments.map((segment) => (segment === "*" ? fill("*") : segment.startsWith(":") ? fill(segment.slice(1)) : segment)).join("/")}`;
}
