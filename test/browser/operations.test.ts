import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "../../db/embedded";
import { LANGUAGE_CODES, textDirection } from "~/i18n/languages";
import { startApp, type RunningApp } from "../support/app";
import { contextOptions, expectNoAxeViolations, launchChromium, serverRenderedOnly, WIDTHS } from "../support/browser";
import { portal } from "../support/cli";
import { latestEmailTo, staffLinkIn } from "../support/outbox";

/**
 * The built app as it runs in production, on its own embedded PostgreSQL (no DATABASE_URL), with two
 * workers: the faults it must survive (the database restarting while a worker restarts, every worker
 * killed at once), what it logs, its metrics, and a shutdown that lets requests in progress finish.
 * One app for the whole file, so the database is set up once.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), "portal-ops-"));
chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the `postgres` user, who must reach its files
let app: RunningApp;
let metricsPort: number;
const STAFF = "ops.inspector@example.org";
const FREE_TEXT = "Marker free text: my son Zebedee waited 14 months";

beforeAll(async () => {
  metricsPort = await freePort();
  app = await startApp({
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    WEB_CONCURRENCY: "2",
    METRICS_PORT: String(metricsPort),
  });
  portal(["add-staff", "--email", STAFF, "--role", "admin"], { DATA_DIR: dataDir, DATABASE_URL: "" });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A browser without JavaScript: cookies kept, redirects not followed. */
function client() {
  const cookies = new Map<string, string>();
  return {
    async fetch(address: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      headers.set("Cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
      const response = await fetch(new URL(address, app.url), { ...init, headers, redirect: "manual" });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const at = pair!.indexOf("=");
        cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      return { status: response.status, headers: response.headers, body: await response.text() };
    },
    post(address: string, fields: Array<[string, string]>) {
      return this.fetch(address, { method: "POST", body: new URLSearchParams(fields) });
    },
  };
}

const hiddenFields = (html: string): Array<[string, string]> =>
  [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)].map((match) => [
    match[1]!,
    match[2]!
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&"),
  ]);

/** The app's processes: the primary's children running the app (its workers). */
function workerPids(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return (
          stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] === String(app.pid) &&
          readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("build/index.js")
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** PostgreSQL postmasters (not their backends) running on this app's data folder. */
function postmasters(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        return args[0]!.endsWith("/postgres") && args.includes(path.join(dataDir, "postgres"));
      } catch {
        return false;
      }
    })
    .map(Number);
}

const postmasterPid = () =>
  Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Not true within ${timeoutMs} ms:\n${app.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ready = async () => (await freshGet("/readyz").catch(() => 0)) === 200;

/**
 * A GET on a connection of its own, as a new visitor makes it. (A kept-alive connection to a worker
 * that is then killed dies with it, as in a browser, which then retries; here we see how new
 * connections fare.)
 */
const freshGet = (address: string) =>
  new Promise<number>((resolve, reject) => {
    const request = httpRequest(new URL(address, app.url), { agent: false }, (response) => {
      response.resume();
      response.once("end", () => resolve(response.statusCode!));
    });
    request.once("error", reject);
    request.end();
  });

describe("faults", () => {
  test("PostgreSQL killed while a worker is killed: answers kept on the page, one PostgreSQL after, every request served", async () => {
    const parent = client();
    const first = await parent.fetch("/s/demo/parents/questions/1");
    const choice = first.body.match(/<input[^>]*name="answer"[^>]*value="([^"]+)"/)![1]!;
    expect(
      (
        await parent.post("/s/demo/parents/questions/1", [
          ["answer", choice],
          ["intent", "continue"],
        ])
      ).status,
    ).toBe(302);

    // The database and a worker die together: the worker restarts while PostgreSQL is down.
    process.kill(postmasterPid(), "SIGKILL");
    process.kill(workerPids()[0]!, "SIGKILL");

    // While it is away (the primary restarts it at once, but crash recovery takes a moment): the public
    // page says so with a 503 and Retry-After, in the reader's language...
    const page = await parent.fetch("/s/demo", { headers: { "Accept-Language": "pl" } });
    expect(page.status).toBe(503);
    expect(page.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    expect(page.body).toContain("Niestety serwis jest niedostępny");
    // ...and an answer sent now is kept on the page, shown back, with Continue to send it again.
    // (Sent in every language at once, for the accessibility scan below.)
    const outage = await Promise.all(
      LANGUAGE_CODES.map((language) =>
        parent.fetch("/s/demo/parents/questions/9", {
          method: "POST",
          headers: { "Accept-Language": language },
          body: new URLSearchParams([
            ["answer", FREE_TEXT],
            ["intent", "continue"],
          ]),
        }),
      ),
    );
    expect(outage.map((response) => response.status)).toEqual(LANGUAGE_CODES.map(() => 503));
    const sent = outage[0]!;
    expect(sent.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(sent.body).toContain("Your answer has not been saved yet");
    expect(sent.body).toContain("<title>Sorry, the service is unavailable – ");
    expect(sent.body).toContain(FREE_TEXT);
    const retry = hiddenFields(sent.body);
    expect(retry).toContainEqual(["answer", FREE_TEXT]);

    await until(ready);
    const again = await parent.post("/s/demo/parents/questions/9", [...retry, ["intent", "continue"]]);
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toMatch(/\/questions\/10$/);

    expect(postmasters()).toHaveLength(1);
    const statuses = await Promise.all(Array.from({ length: 20 }, () => freshGet("/s/demo")));
    expect(statuses).toEqual(Array(20).fill(200));
    // Nothing was lost: both answers are in the draft.
    const chosen = (await parent.fetch("/s/demo/parents/questions/1")).body.match(
      new RegExp(`<input[^>]*value="${choice}"[^>]*>`),
    );
    expect(chosen![0]).toContain("checked");
    expect((await parent.fetch("/s/demo/parents/questions/9")).body).toContain(FREE_TEXT);

    // The page that kept the answer, as the server sent it, has no accessibility faults in any language.
    const browser = await launchChromium();
    try {
      const context = await browser.newContext(contextOptions(WIDTHS[0], { baseURL: app.url }));
      await serverRenderedOnly(context);
      const page = await context.newPage();
      for (const [index, language] of LANGUAGE_CODES.entries()) {
        await page.route("**/__outage", (route) =>
          route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: outage[index]!.body }),
        );
        await page.goto("/__outage");
        expect(await page.getAttribute("html", "lang")).toBe(language);
        expect(await page.getAttribute("html", "dir")).toBe(textDirection(language));
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await expectNoAxeViolations(page, `the answer kept during an outage (${language}, ${width} px)`);
        }
        await page.unroute("**/__outage");
      }
    } finally {
      await browser.close();
    }
  }, 120_000);

  test("every worker killed at once: the port stays held and every request is served", async () => {
    await until(async () => workerPids().length === 2 && (await ready()));
    for (const pid of workerPids()) process.kill(pid, "SIGKILL");
    const statuses = await Promise.all(Array.from({ length: 12 }, () => freshGet("/s/demo")));
    expect(statuses).toEqual(Array(12).fill(200));

    // Nobody else can take the portal's address meanwhile.
    const port = Number(new URL(app.url).port);
    const stranger = createServer();
    const bound = await new Promise<string>((resolve) => {
      stranger.once("error", (error) => resolve((error as NodeJS.ErrnoException).code ?? "error"));
      stranger.listen(port, () => resolve("bound"));
    });
    stranger.close();
    expect(bound).toBe("EADDRINUSE");
    expect(postmasters()).toHaveLength(1);
  }, 90_000);

  test("a second app on a port that is taken stops at once and says why", async () => {
    const port = new URL(app.url).port;
    const attempt = startApp(
      { PORT: port, DATA_DIR: dataDir, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" },
      { timeoutMs: 30_000 },
    );
    await expect(attempt).rejects.toThrow(/exited with code 1[\s\S]*port \d+ is already in use by another program/);
  });
});

describe("operations", () => {
  test("metrics are served on the private port only: latency, errors, responses per survey, outbox", async () => {
    await until(ready);
    await fetch(`${app.url}/s/demo`);
    await fetch(`${app.url}/s/%00`); // refused at the edge: counted as bad input
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(text).toMatch(
      /portal_http_request_duration_seconds_bucket\{le="0.05",route="routes\/s.\$slug._index",method="GET",status="200"\} \d+/,
    );
    expect(text).toMatch(/portal_survey_responses\{inspection="demo",audience="parents"\} \d+/);
    expect(text).toMatch(/portal_outbox_pending \d+/);
    expect(text).toMatch(/portal_outbox_oldest_pending_seconds \d/);
    expect(text).toMatch(/portal_errors_total\{kind="bad-input"\} [1-9]/);
    expect(text).toContain("portal_database_up 1");
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
  });

  test("logs are JSON lines with request id, route id, status and time, and hold no token, email or free text", async () => {
    const staff = client();
    const asked = Date.now() - 1_000;
    await staff.post("/staff/sign-in", [["email", STAFF]]);
    const link = staffLinkIn((await latestEmailTo(dataDir, STAFF, { after: asked })).text);
    const token = link.match(/sign-in\/([^?\s]+)/)![1]!;
    const opened = await staff.fetch(new URL(link).pathname);
    expect(opened.headers.get("Referrer-Policy")).toBe("no-referrer");
    await staff.post(new URL(link).pathname, [["next", "/staff"]]);
    expect((await staff.fetch("/staff")).status).toBe(200);

    const parent = client();
    await parent.post("/s/demo/parents/questions/9", [
      ["answer", FREE_TEXT],
      ["intent", "continue"],
    ]);
    await parent.post("/s/demo/parents/save", [["email", "resume.parent@example.org"]]);
    const resume = (await latestEmailTo(dataDir, "resume.parent@example.org", { after: asked })).text!;
    const resumeToken = resume.match(/\/resume\/(\S+)/)![1]!;
    await client().fetch(`/s/demo/parents/resume/${resumeToken}`);
    // An error with personal data in it: a bad id and a NUL in a staff form.
    await staff.post("/staff/people", [
      ["intent", "remove"],
      ["userId", `${STAFF}\u0000`],
    ]);

    await new Promise((resolve) => setTimeout(resolve, 300)); // the last lines reach the pipe
    const output = app.output();
    for (const secret of [token, resumeToken, STAFF, "resume.parent@example.org", FREE_TEXT, "Zebedee"]) {
      expect(output).not.toContain(secret);
    }
    const requests = output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === "request");
    expect(requests.length).toBeGreaterThan(10);
    for (const entry of requests) {
      expect(entry).toMatchObject({
        reqId: expect.any(String),
        route: expect.any(String),
        status: expect.any(Number),
        ms: expect.any(Number),
      });
    }
    expect(requests.map((entry) => entry.route)).toContain("routes/staff_.sign-in.$token");
    expect(requests.map((entry) => entry.route)).toContain("routes/s.$slug.$audience.resume.$token");
  }, 60_000);

  test("stopping finishes a request in progress: a form half sent when the stop comes is answered", async () => {
    await until(ready);
    const body = new URLSearchParams({ name: "A Parent", email: "late.parent@example.org", agree: "yes" }).toString();
    const { port } = new URL(app.url);
    const answered = new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          port,
          path: "/s/demo/talk",
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": body.length },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode!);
        },
      );
      request.on("error", reject);
      request.write(body.slice(0, 10));
      // The stop comes while the form is still arriving; the rest follows a moment later.
      setTimeout(() => {
        process.kill(app.pid, "SIGTERM");
        setTimeout(() => request.end(body.slice(10)), 500);
      }, 300);
    });
    expect(await answered).toBe(302);
    await until(() => /"msg":"stopped"/.test(app.output()), 30_000);
    expect(postmasters()).toHaveLength(0);
  }, 60_000);
});
