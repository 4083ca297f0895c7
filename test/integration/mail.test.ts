import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { sql } from "~/db.server";
import { buildEmail, type EmailContent } from "~/mail/message";
import { deliverDue, enqueueEmail, startMailWorker } from "~/mail/outbox.server";
import { createMailTransport, type MailTransport } from "~/mail/transport.server";
import { freePort, startSmtpServer } from "../support/smtp";

let servers: Array<() => Promise<void>> = [];
const transports: MailTransport[] = [];

/** A real SMTP server (see test/support/smtp.ts), closed after each test. */
async function startSmtp(port = 0, options: { reject?: boolean } = {}) {
  const server = await startSmtpServer(port, options);
  servers.push(server.close);
  return server;
}

const smtpTo = (port: number): MailTransport => {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 2_000,
  });
  transports.push(transport);
  return transport;
};

beforeEach(async () => {
  await sql`truncate outbox`;
});
afterEach(async () => {
  await Promise.all(servers.map((close) => close()));
  servers = [];
  transports.splice(0).forEach((transport) => transport.close?.());
});

const content = (overrides: Partial<EmailContent> = {}): EmailContent => ({
  to: "jane.parent@example.org",
  subject: "Your place at the open meeting",
  serviceName: "Have your say on local SEND services",
  paragraphs: ["Thank you for signing up.", "The meeting is at Northshire Library <Room 2> & online."],
  link: { text: "Change or cancel your place", url: "https://send-views.example.org/m/abc?x=1&y=2" },
  lang: "en-GB",
  dir: "ltr",
  ...overrides,
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const outboxRows = () =>
  sql<
    Array<{
      id: string;
      recipient: string | null;
      subject: string;
      textBody: string | null;
      htmlBody: string | null;
      status: string;
      attempts: number;
      lastError: string | null;
      sentAt: Date | null;
    }>
  >`
    select id, recipient, subject, text_body, html_body, status, attempts, last_error, sent_at from outbox order by id`;

const quiet = { log: () => {} };

describe("buildEmail", () => {
  test("gives a plain-text and an HTML part, escaped, with the language and direction and nothing remote", () => {
    const email = buildEmail(content({ lang: "ar", dir: "rtl", subject: "Line\r\nBcc: x@evil.example" }));
    expect(email.subject).toBe("Line Bcc: x@evil.example");
    expect(email.text).toBe(
      "Have your say on local SEND services\n\nThank you for signing up.\n\n" +
        "The meeting is at Northshire Library <Room 2> & online.\n\n" +
        "Change or cancel your place\nhttps://send-views.example.org/m/abc?x=1&y=2\n",
    );
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    expect(email.html).toContain("Northshire Library &lt;Room 2&gt; &amp; online.");
    expect(email.html).toContain('<a href="https://send-views.example.org/m/abc?x=1&amp;y=2"');
    expect(email.html).not.toMatch(/<img|<script|src=|url\(|<link|@import/i);
  });

  test("refuses a link that is not a web address", () => {
    expect(() => buildEmail(content({ link: { text: "Go", url: "javascript:alert(1)" } }))).toThrow(/http/);
  });
});

describe("the outbox", () => {
  test("delivers a queued email over SMTP, then forgets the recipient and the body", async () => {
    const smtp = await startSmtp();
    await sql.begin((tx) => enqueueEmail(tx, buildEmail(content())));

    expect(await deliverDue(smtpTo(smtp.port), quiet)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const { mail, rcptTo } = smtp.received[0]!;
    expect(rcptTo).toEqual(["jane.parent@example.org"]);
    expect(mail.subject).toBe("Your place at the open meeting");
    expect(mail.from?.text).toBe('"Have your say on local SEND services" <no-reply@localhost>');
    expect(mail.text).toContain("The meeting is at Northshire Library <Room 2> & online.");
    expect(mail.text).toContain("https://send-views.example.org/m/abc?x=1&y=2");
    expect(mail.html).toContain("Northshire Library &lt;Room 2&gt; &amp; online.");
    expect(mail.html).toContain('href="https://send-views.example.org/m/abc?x=1&amp;y=2"');
    expect(mail.attachments).toHaveLength(0);

    const [row] = await outboxRows();
    expect(row).toMatchObject({
      status: "sent",
      attempts: 1,
      recipient: null,
      textBody: null,
      htmlBody: null,
      lastError: null,
    });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  test("the database itself refuses to keep contact details on a sent message", async () => {
    const id = await enqueueEmail(sql, buildEmail(content()));
    await expect(sql`update outbox set status = 'sent', sent_at = now() where id = ${id}`).rejects.toThrow(
      /check constraint/,
    );
  });

  test("(a) an email queued in a transaction that rolls back is never sent; a committed one is sent at once", async () => {
    const smtp = await startSmtp();
    // A long poll: only the LISTEN notification can make the committed email arrive quickly.
    const worker = await startMailWorker({ transport: smtpTo(smtp.port), pollMs: 60_000, ...quiet });
    try {
      await expect(
        sql.begin(async (tx) => {
          await enqueueEmail(tx, buildEmail(content({ subject: "rolled back" })));
          throw new Error("the change failed");
        }),
      ).rejects.toThrow("the change failed");

      await sql.begin(async (tx) => {
        await enqueueEmail(tx, buildEmail(content({ subject: "committed" })));
        await sleep(300); // not visible, not notified until commit
        expect(smtp.received).toHaveLength(0);
      });
      await waitFor(() => smtp.received.length === 1, 5_000);
      await sleep(300);
      expect(smtp.received.map(({ mail }) => mail.subject)).toEqual(["committed"]);
      expect((await outboxRows()).map((row) => row.subject)).toEqual(["committed"]);
    } finally {
      await worker.stop();
    }
  });

  test("(b) a message queued while the mail server is down arrives exactly once when it comes up", async () => {
    const port = await freePort();
    const logged: string[] = [];
    const worker = await startMailWorker({
      transport: smtpTo(port),
      pollMs: 25,
      baseDelayMs: 100,
      maxDelayMs: 200,
      log: (line) => logged.push(line),
    });
    try {
      await enqueueEmail(sql, buildEmail(content({ subject: "patience" })));
      await waitFor(async () => (await outboxRows())[0]!.attempts >= 3);
      const [waiting] = await outboxRows();
      expect(waiting).toMatchObject({ status: "pending", recipient: "jane.parent@example.org" });
      expect(waiting!.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);

      const smtp = await startSmtp(port);
      await waitFor(async () => (await outboxRows())[0]!.status === "sent");
      await sleep(500); // more polls: still only one copy
      expect(smtp.received.map(({ mail }) => mail.subject)).toEqual(["patience"]);
      const [sent] = await outboxRows();
      expect(sent).toMatchObject({ status: "sent", recipient: null, textBody: null, htmlBody: null });
      expect(sent!.attempts).toBeGreaterThanOrEqual(4);
      expect(logged.length).toBeGreaterThanOrEqual(3);
      expect(logged.join("\n")).not.toContain("jane");
    } finally {
      await worker.stop();
    }
  });

  test("(b) killing the mail server mid-run delays what was queued after, and loses none of it", async () => {
    const first = await startSmtp();
    const worker = await startMailWorker({
      transport: smtpTo(first.port),
      pollMs: 25,
      baseDelayMs: 100,
      maxDelayMs: 200,
      ...quiet,
    });
    try {
      await enqueueEmail(sql, buildEmail(content({ subject: "before" })));
      await waitFor(() => first.received.length === 1);
      await first.close();

      for (const subject of ["during 1", "during 2"]) await enqueueEmail(sql, buildEmail(content({ subject })));
      await waitFor(
        async () => (await outboxRows()).filter((row) => row.status === "pending" && row.attempts >= 2).length === 2,
      );
      expect(first.received.map(({ mail }) => mail.subject)).toEqual(["before"]);

      const second = await startSmtp(first.port);
      await waitFor(async () => (await outboxRows()).every((row) => row.status === "sent"));
      await sleep(300);
      expect(second.received.map(({ mail }) => mail.subject).sort()).toEqual(["during 1", "during 2"]);
    } finally {
      await worker.stop();
    }
  });

  test("(c) two workers deliver each of 50 messages exactly once", async () => {
    const smtp = await startSmtp();
    await sql.begin(async (tx) => {
      for (let n = 1; n <= 50; n++)
        await enqueueEmail(tx, buildEmail(content({ subject: `message ${n}`, to: `parent${n}@example.org` })));
    });

    const [first, second] = await Promise.all([
      deliverDue(smtpTo(smtp.port), quiet),
      deliverDue(smtpTo(smtp.port), quiet),
    ]);
    expect(first!.sent + second!.sent).toBe(50);
    // Both really worked at the same time (otherwise this test would prove nothing about locking).
    expect(first!.sent).toBeGreaterThan(0);
    expect(second!.sent).toBeGreaterThan(0);

    expect(smtp.received).toHaveLength(50);
    expect(new Set(smtp.received.map(({ mail }) => mail.messageId)).size).toBe(50);
    expect(new Set(smtp.received.map(({ mail }) => mail.subject)).size).toBe(50);
    for (const { mail, rcptTo } of smtp.received)
      expect(rcptTo).toEqual([`parent${mail.subject!.split(" ")[1]}@example.org`]);
    const rows = await outboxRows();
    expect(rows.every((row) => row.status === "sent" && row.recipient === null && row.attempts === 1)).toBe(true);
  });

  test("(c) two running workers deliver each of 50 messages exactly once", async () => {
    const smtp = await startSmtp();
    const workers = await Promise.all(
      [1, 2].map(() => startMailWorker({ transport: smtpTo(smtp.port), pollMs: 50, ...quiet })),
    );
    try {
      for (let n = 1; n <= 50; n++) await enqueueEmail(sql, buildEmail(content({ subject: `message ${n}` })));
      await waitFor(() => smtp.received.length >= 50);
      await sleep(300);
      expect(smtp.received).toHaveLength(50);
      expect(new Set(smtp.received.map(({ mail }) => mail.messageId)).size).toBe(50);
      expect(new Set(smtp.received.map(({ mail }) => mail.subject)).size).toBe(50);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  });

  test("(d) after the last attempt a message is marked failed and scrubbed, and no address is kept or logged", async () => {
    const smtp = await startSmtp(0, { reject: true });
    const transport = smtpTo(smtp.port);
    const logged: string[] = [];
    const options = { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 3, log: (line: string) => logged.push(line) };
    await enqueueEmail(sql, buildEmail(content()));

    const counts = { sent: 0, retrying: 0, failed: 0 };
    for (let round = 0; round < 10 && counts.failed === 0; round++) {
      const result = await deliverDue(transport, options);
      counts.retrying += result.retrying;
      counts.failed += result.failed;
      await sleep(10);
    }
    expect(counts).toEqual({ sent: 0, retrying: 2, failed: 1 });

    const [row] = await outboxRows();
    expect(row).toMatchObject({
      status: "failed",
      attempts: 3,
      recipient: null,
      textBody: null,
      htmlBody: null,
      sentAt: null,
    });
    expect(row!.lastError).toMatch(/550/);
    expect(row!.lastError).toContain("[address]");
    expect(row!.lastError).not.toContain("jane");
    expect(logged).toHaveLength(3);
    expect(logged.join("\n")).not.toContain("jane");

    // A failed message is never tried again.
    expect(await deliverDue(transport, options)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  test("(e) with no SMTP_URL each message is written to DATA_DIR/outbox as an .eml file", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "portal-mail-"));
    try {
      const transport = createMailTransport({ SMTP_URL: undefined, DATA_DIR: dataDir });
      const id = await enqueueEmail(sql, buildEmail(content({ lang: "ur", dir: "rtl", subject: "آپ کی جگہ" })));
      expect(await deliverDue(transport, quiet)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      transport.close?.();

      const files = readdirSync(path.join(dataDir, "outbox"));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z-${id}\\.eml$`));
      const mail = await simpleParser(readFileSync(path.join(dataDir, "outbox", files[0]!)));
      expect(mail.subject).toBe("آپ کی جگہ");
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("jane.parent@example.org");
      expect(mail.text).toContain("Thank you for signing up.");
      expect(mail.html).toContain('<html lang="ur" dir="rtl">');
      expect((await outboxRows())[0]).toMatchObject({ status: "sent", recipient: null });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("with SMTP_URL the environment's transport sends over SMTP", async () => {
    const smtp = await startSmtp();
    const transport = createMailTransport({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, DATA_DIR: "/nonexistent" });
    transports.push(transport);
    await enqueueEmail(sql, buildEmail(content()));
    expect(await deliverDue(transport, quiet)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received.map(({ rcptTo }) => rcptTo)).toEqual([["jane.parent@example.org"]]);
  });

  test("`npm run portal -- mail-worker` delivers until SIGTERM, then stops cleanly", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "portal-mail-cli-"));
    const child = spawn("node_modules/.bin/tsx", ["app/cli.ts", "mail-worker"], {
      env: { ...process.env, DATA_DIR: dataDir, SMTP_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    try {
      await waitFor(() => output.includes("Mail worker running"), 20_000);
      const id = await enqueueEmail(sql, buildEmail(content()));
      await waitFor(
        () => existsSync(path.join(dataDir, "outbox")) && readdirSync(path.join(dataDir, "outbox")).length === 1,
      );
      expect(readdirSync(path.join(dataDir, "outbox"))[0]).toMatch(new RegExp(`-${id}\\.eml$`));

      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(output).not.toMatch(/error|failed/i);
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
