/**
 * Scale-out, shown: `npm run test:scale`.
 *
 * Builds the app, then runs two instances of it on different ports against one PostgreSQL (DATABASE_URL,
 * or an embedded one started here) with Debian's nginx in front as a round-robin load balancer (started
 * here on a spare port with a configuration in a temporary folder, not the system service). Through
 * nginx it then:
 * - shows requests alternating between the instances (nginx names the upstream in a header);
 * - shows a rate limit holding across both instances (it lives in PostgreSQL);
 * - signs a staff member in with an emailed link, the session working on both instances;
 * - runs parents' survey journeys in parallel, and kills one instance (SIGKILL, its whole process
 *   group) part-way through; clients retry what failed, as a person pressing the button again would.
 * Nothing may be lost or doubled: the database must hold exactly one response per journey, with every
 * answer. Exits 0 when all holds, 1 otherwise. Sends traffic only to 127.0.0.1.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { freePort, startEmbeddedPostgres } from "../../db/embedded";
import { migrate } from "../../db/migrate";
import { latestEmailTo, staffLinkIn } from "../support/outbox";

const JOURNEYS = Number(process.env.SCALE_JOURNEYS ?? 16);
const PARALLEL = 4;
const root = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "portal-scale-"));
chmodSync(work, 0o755);
const cleanups: Array<() => Promise<void> | void> = [];
const log = (line: string) => console.log(`[scale] ${line}`);

function nginxBinary(): string {
  for (const candidate of [process.env.NGINX, "/usr/sbin/nginx", "/usr/bin/nginx"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error("nginx is not installed: sudo apt-get install -y nginx (or set NGINX to its path)");
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function startInstance(name: string, port: number, env: Record<string, string>) {
  let output = "";
  // Its own process group, so that killing "the instance" kills its primary and workers together.
  const child: ChildProcess = spawn(process.execPath, ["build/index.js"], {
    cwd: root,
    detached: true,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGTERM");
  });
  return { name, port, child, output: () => output, kill: () => process.kill(-child.pid!, "SIGKILL") };
}

/** A person's browser without JavaScript: cookies, no automatic redirects, retries what failed. */
function browser(base: string) {
  const cookies = new Map<string, string>();
  const upstreams: string[] = [];
  let retries = 0;
  async function request(address: string, init: RequestInit = {}) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const headers = new Headers(init.headers);
        headers.set("Cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
        const response = await fetch(new URL(address, base), { ...init, headers, redirect: "manual" });
        const body = await response.text();
        if (response.status >= 502 && response.status <= 504 && attempt < 20) throw new Error(`${response.status}`);
        for (const line of response.headers.getSetCookie()) {
          const [pair] = line.split(";");
          const at = pair!.indexOf("=");
          cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
        }
        upstreams.push(response.headers.get("X-Upstream") ?? "");
        return { status: response.status, location: response.headers.get("Location"), body };
      } catch (error) {
        if (attempt >= 20) throw error;
        retries += 1;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }
  return {
    upstreams,
    retries: () => retries,
    get: (address: string) => request(address),
    post: (address: string, fields: Array<[string, string]>) =>
      request(address, { method: "POST", body: new URLSearchParams(fields) }),
  };
}

/** Answers every question of the parents' survey, one page at a time, then sends the answers. */
async function surveyJourney(base: string, number: number) {
  const parent = browser(base);
  for (let question = 1; ; question += 1) {
    const page = await parent.get(`/s/demo/parents/questions/${question}`);
    if (page.status === 404) break;
    if (page.status !== 200) throw new Error(`journey ${number}: question ${question} answered ${page.status}`);
    const choice = page.body.match(/<input[^>]*name="answer"[^>]*value="([^"]+)"/)?.[1];
    const answer = choice ?? `Journey ${number} says the wait for an assessment was long.`;
    const saved = await parent.post(`/s/demo/parents/questions/${question}`, [
      ["answer", answer],
      ["intent", "continue"],
    ]);
    if (saved.status !== 302)
      throw new Error(`journey ${number}: saving question ${question} answered ${saved.status}`);
    if (saved.location?.endsWith("/check")) break;
  }
  const sent = await parent.post("/s/demo/parents/check", []);
  if (sent.status !== 302) throw new Error(`journey ${number}: sending answered ${sent.status}`);
  return parent;
}

async function main() {
  const nginx = nginxBinary();
  log("building the app");
  execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    log("starting an embedded PostgreSQL shared by both instances");
    const database = await startEmbeddedPostgres(path.join(work, "postgres"), {
      settings: { fsync: "off", synchronous_commit: "off" },
    });
    cleanups.push(() => database.stop());
    databaseUrl = database.url;
  }
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  cleanups.push(() => sql.end());
  await migrate(sql);

  const [portA, portB, nginxPort] = [await freePort(), await freePort(), await freePort()];
  const base = `http://127.0.0.1:${nginxPort}`;
  const dataDir = path.join(work, "data");
  mkdirSync(dataDir, { recursive: true });
  const env = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir, // the .eml outbox, shared here so either instance's email can be read
    SESSION_SECRET: "scale-test-session-secret-shared-by-every-instance",
    PUBLIC_URL: base,
    TRUST_PROXY: "127.0.0.1",
    WEB_CONCURRENCY: "1",
  };
  const ready = (instance: ReturnType<typeof startInstance>) =>
    waitFor(`instance ${instance.name} ready`, async () => /Portal ready/.test(instance.output()), 120_000).catch(
      (error: Error) => {
        throw new Error(`${error.message}; its output:\n${instance.output().slice(-2000)}`);
      },
    );
  // The demo is seeded only when asked for a database given in DATABASE_URL: by A, before B starts.
  const a = startInstance("A", portA, { ...env, SEED_DEMO: "true" });
  await ready(a);
  const b = startInstance("B", portB, env);
  await ready(b);
  log(`instances A on ${portA} and B on ${portB}`);

  const conf = path.join(work, "nginx");
  for (const dir of ["", "client", "proxy", "fastcgi", "uwsgi", "scgi"])
    mkdirSync(path.join(conf, dir), { recursive: true, mode: 0o777 });
  for (const dir of ["client", "proxy", "fastcgi", "uwsgi", "scgi"]) chmodSync(path.join(conf, dir), 0o777);
  writeFileSync(
    path.join(conf, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${conf}/nginx.pid;
error_log ${conf}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${conf}/client;
  proxy_temp_path ${conf}/proxy;
  fastcgi_temp_path ${conf}/fastcgi;
  uwsgi_temp_path ${conf}/uwsgi;
  scgi_temp_path ${conf}/scgi;
  client_max_body_size 200k;
  upstream portal {
    server 127.0.0.1:${portA} max_fails=1 fail_timeout=30s;
    server 127.0.0.1:${portB} max_fails=1 fail_timeout=30s;
  }
  server {
    listen 127.0.0.1:${nginxPort};
    location / {
      proxy_pass http://portal;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const balancer = spawn(nginx, ["-p", conf, "-c", path.join(conf, "nginx.conf"), "-e", path.join(conf, "error.log")], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  cleanups.push(() => {
    if (balancer.exitCode === null) balancer.kill("SIGQUIT");
  });
  await waitFor("nginx listening", async () => (await fetch(`${base}/healthz`)).status === 200, 20_000);
  log(`nginx on ${nginxPort} in front of both`);

  // 1. Requests alternate between the instances.
  const looker = browser(base);
  for (let n = 0; n < 6; n += 1) await looker.get("/s/demo");
  const served = new Set(looker.upstreams);
  if (served.size !== 2) throw new Error(`expected both instances to serve, got ${[...served].join(", ")}`);
  log(
    `requests alternate: ${looker.upstreams.map((upstream) => (upstream.endsWith(`:${portA}`) ? "A" : "B")).join(" ")}`,
  );

  // 2. A rate limit holds across instances: 20 "happy to talk" sends per client per 10 minutes, whichever
  // instance takes them (a robot-filled honeypot, so nothing is stored).
  await sql`delete from rate_limits`;
  const sender = browser(base);
  const statuses: number[] = [];
  for (let n = 0; n < 21; n += 1) statuses.push((await sender.post("/s/demo/talk", [["website", "robot"]])).status);
  if (statuses.slice(0, 20).some((status) => status !== 302) || statuses[20] !== 429) {
    throw new Error(`rate limit across instances: ${statuses.join(" ")}`);
  }
  log("a rate limit of 20 held across both instances (the 21st answered 429)");
  await sql`delete from rate_limits`;

  // 3. Staff sign-in with an emailed link; the session works on both instances.
  const email = "scale.inspector@example.org";
  const [user] = await sql<{ id: string }[]>`
    insert into staff_users (email) values (${email}) on conflict (email) do update set email = excluded.email returning id`;
  await sql`insert into staff_roles (user_id, role) values (${user!.id}, 'admin') on conflict do nothing`;
  const staff = browser(base);
  const asked = Date.now() - 1_000;
  await staff.post("/staff/sign-in", [["email", email]]);
  const link = new URL(staffLinkIn((await latestEmailTo(dataDir, email, { after: asked, timeoutMs: 30_000 })).text));
  await staff.get(link.pathname + link.search);
  const signedIn = await staff.post(link.pathname, [["next", "/staff"]]);
  if (signedIn.status !== 302 || signedIn.location !== "/staff") throw new Error(`sign-in answered ${signedIn.status}`);
  const before = staff.upstreams.length;
  for (let n = 0; n < 4; n += 1) {
    const page = await staff.get("/staff");
    if (page.status !== 200 || !page.body.includes(email)) throw new Error(`/staff answered ${page.status}`);
  }
  if (new Set(staff.upstreams.slice(before)).size !== 2)
    throw new Error("the staff session was not used on both instances");
  log("a staff member signed in with an emailed link; the session served on both instances");

  // 4. Survey journeys in parallel; instance A is killed part-way through.
  // Every submitted response, whether stored or still waiting in pending_responses for its batch of 10,
  // with how many questions it answers.
  const submitted = () => sql<{ answers: number }[]>`
    select answers from (
      select r.survey_id, (select count(distinct a.question_id)::int from answers a where a.response_id = r.id) as answers
      from responses r
      union all
      select p.survey_id, (select count(distinct a ->> 'questionId')::int from jsonb_array_elements(p.answers) a)
      from pending_responses p
    ) r join surveys s on s.id = r.survey_id join inspections i on i.id = s.inspection_id
    where i.slug = 'demo' and s.audience = 'parents'`;
  const submittedBefore = await submitted();
  let next = 0;
  let finished = 0;
  let killedAfter = -1;
  const parents: Array<ReturnType<typeof browser>> = [];
  const runner = async () => {
    while (next < JOURNEYS) {
      const number = ++next;
      parents.push(await surveyJourney(base, number));
      finished += 1;
      if (killedAfter < 0 && finished >= JOURNEYS / 3) {
        killedAfter = finished;
        a.kill();
        log(
          `instance A killed (SIGKILL, every process) after ${finished} of ${JOURNEYS} journeys, with others in flight`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, runner));
  const retried = parents.reduce((sum, parent) => sum + parent.retries(), 0);

  const rows = await submitted();
  const [{ questions }] = await sql<[{ questions: number }]>`
    select count(*)::int as questions from questions q join surveys s on s.id = q.survey_id
    join inspections i on i.id = s.inspection_id where i.slug = 'demo' and s.audience = 'parents'`;
  // The demo's sample responses skip questions, as parents do; every journey here answers them all.
  const partial = (list: Array<{ answers: number }>) => list.filter((row) => row.answers !== questions).length;
  const stored = rows.length - submittedBefore.length;
  const incomplete = partial(rows) - partial(submittedBefore);
  log(`${JOURNEYS} journeys completed, ${retried} requests retried by clients; ${stored} responses stored`);
  if (stored !== JOURNEYS) throw new Error(`lost or doubled: ${JOURNEYS} journeys, ${stored} responses`);
  if (incomplete > 0) throw new Error(`${incomplete} responses lack answers`);
  if (!parents.some((parent) => parent.upstreams.some((upstream) => upstream.endsWith(`:${portA}`)))) {
    throw new Error("instance A served no journey before it was killed");
  }
  log(`nothing lost or doubled: ${stored} responses, each with all ${questions} answers`);
}

let failed = false;
try {
  await main();
  log("PASS");
} catch (error) {
  failed = true;
  console.error(`[scale] FAIL: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
