import type { Sql, TransactionSql } from "postgres";
import { sql } from "~/db.server";
import type { Email } from "./message";
import { createMailTransport, mailFrom, mailHost, type MailTransport } from "./transport.server";

/**
 * The outbox: an email is a row written in the same transaction as the change that causes it, so it is
 * sent if and only if that change commits, and a crash or a dead mail server never loses it. Workers
 * (one in every app process, or `npm run portal -- mail-worker`) deliver the rows; SKIP LOCKED lets any
 * number run at once without sending a message twice.
 */

/**
 * Queues `email` on `db`: the transaction of the change that causes it (`sql.begin(async (tx) => ...)`),
 * or the main client. The subject is kept after sending, so it must not hold personal data.
 * The notification reaches listening workers only when the transaction commits. Returns the outbox id.
 */
export async function enqueueEmail(
  db: Sql<any> | TransactionSql<any>,
  email: Email,
  /** For a time-sensitive email (a sign-in link): when its link expires. */
  { expiresAt }: { expiresAt?: Date } = {},
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    with queued as (
      insert into outbox (recipient, subject, text_body, html_body, ics, ics_method, expires_at)
      values (${email.to}, ${email.subject}, ${email.text}, ${email.html},
              ${email.calendar?.content ?? null}, ${email.calendar?.method ?? null}, ${expiresAt ?? null})
      returning id
    )
    select id, pg_notify('outbox', '') from queued`;
  return row!.id;
}

export interface DeliveryOptions {
  /** Delay before the first retry; it doubles after each failure, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** After this many failed attempts a message is marked failed (and scrubbed). */
  maxAttempts?: number;
  /** Once aborted, stops before the next message. */
  signal?: AbortSignal;
  /** Where failures are reported; lines carry the outbox id and the SMTP error, never an address or body. */
  log?: (line: string) => void;
}

export interface DeliveryCounts {
  sent: number;
  retrying: number;
  failed: number;
}

// Retries after 1, 2, 4 ... 64 minutes, then every 2 hours: 12 attempts span about 10 hours.
export const DELIVERY_DEFAULTS = { baseDelayMs: 60_000, maxDelayMs: 2 * 60 * 60_000, maxAttempts: 12 };

/**
 * A time-sensitive email (one with an expiry) is retried every 30 seconds until it goes or expires, and
 * is not sent at all once fewer than two minutes of its link would be left when it arrives: a link that
 * has expired (or is about to) is no use to anyone, and its owner can ask for another.
 */
export const URGENT_RETRY_MS = 30_000;
export const MIN_USEFUL_MS = 2 * 60_000;

interface DueMessage {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  ics: string | null;
  icsMethod: "REQUEST" | "CANCEL" | null;
  attempts: number;
  createdAt: Date;
  expiresAt: Date | null;
}

/** Sends every due message, one per transaction, until none is left (or `signal` aborts). */
export async function deliverDue(transport: MailTransport, options: DeliveryOptions = {}): Promise<DeliveryCounts> {
  const { baseDelayMs, maxDelayMs, maxAttempts } = { ...DELIVERY_DEFAULTS, ...options };
  const log = options.log ?? console.warn;
  const host = mailHost();
  const counts: DeliveryCounts = { sent: 0, retrying: 0, failed: 0 };

  while (!options.signal?.aborted) {
    const outcome = await sql.begin(async (tx) => {
      // The row stays locked while we talk to the mail server; other workers skip it rather than wait.
      const [message] = await tx<DueMessage[]>`
        select id, recipient, subject, text_body, html_body, ics, ics_method, attempts, created_at, expires_at
        from outbox
        where status = 'pending' and next_attempt_at <= now()
        order by id
        limit 1
        for update skip locked`;
      if (!message) return undefined;

      if (message.expiresAt && message.expiresAt.getTime() - Date.now() < MIN_USEFUL_MS) {
        await tx`
          update outbox
          set status = 'failed', last_error = 'expired before it could be sent',
              recipient = null, text_body = null, html_body = null
          where id = ${message.id}`;
        log(`Email ${message.id} was not sent: its link would have expired before it arrived`);
        return "failed" as const;
      }

      try {
        await transport.sendMail({
          outboxId: message.id,
          from: mailFrom(host),
          to: message.recipient,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody,
          // nodemailer sends it as a `text/calendar; method=...` alternative (what calendar programs read)
          // and as an invite.ics attachment (for everything else).
          ...(message.ics
            ? { icalEvent: { method: message.icsMethod!, filename: "invite.ics", content: message.ics } }
            : {}),
          // The same Message-ID on every attempt lets mail systems drop a duplicate if a crash after the
          // server accepted the message (but before our commit) makes us send it again.
          messageId: `<${message.createdAt.getTime()}.${message.id}@${host}>`,
        });
      } catch (error) {
        const attempts = message.attempts + 1;
        const reason = describeError(error, message.recipient);
        if (attempts >= maxAttempts && !message.expiresAt) {
          await tx`
            update outbox
            set status = 'failed', attempts = ${attempts}, last_error = ${reason},
                recipient = null, text_body = null, html_body = null, ics = null
            where id = ${message.id}`;
          log(`Email ${message.id} failed after ${attempts} attempts and will not be retried: ${reason}`);
          return "failed" as const;
        }
        const delayMs = message.expiresAt ? URGENT_RETRY_MS : Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1));
        await tx`
          update outbox
          set attempts = ${attempts}, last_error = ${reason},
              next_attempt_at = clock_timestamp() + ${delayMs}::float8 * interval '1 millisecond'
          where id = ${message.id}`;
        log(`Email ${message.id}: attempt ${attempts} failed, next in ${Math.ceil(delayMs / 1000)} s: ${reason}`);
        return "retrying" as const;
      }

      await tx`
        update outbox
        set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null,
            recipient = null, text_body = null, html_body = null, ics = null
        where id = ${message.id}`;
      return "sent" as const;
    });
    if (!outcome) break;
    counts[outcome]++;
  }
  return counts;
}

/**
 * An error as it may be stored and logged: its code and message, with the recipient and any other email
 * address a mail server quotes back replaced, so no personal data ends up in the table or the logs.
 */
export function describeError(error: unknown, recipient?: string): string {
  const { code, responseCode, message } = (error instanceof Error ? error : { message: String(error) }) as {
    code?: unknown;
    responseCode?: unknown;
    message?: unknown;
  };
  let text = [code, responseCode, message].filter((part) => part !== undefined && part !== "").join(" ");
  if (recipient) text = text.split(recipient).join("[address]");
  return text.replace(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g, "[address]").slice(0, 500);
}

export interface MailWorkerOptions extends DeliveryOptions {
  /** Defaults to the transport from the environment (SMTP_URL, or .eml files). */
  transport?: MailTransport;
  /** How often to look for retries that have come due; new messages wake the worker at once. */
  pollMs?: number;
}

/** Delivers queued email until stopped: at once when notified, and every `pollMs` for retries. */
export async function startMailWorker(options: MailWorkerOptions = {}): Promise<{ stop(): Promise<void> }> {
  const { transport = createMailTransport(), pollMs = 5_000, log = console.warn } = options;
  const abort = new AbortController();
  let round: Promise<void> | undefined;
  let again = false;

  // One round at a time; a wake-up during a round asks for one more, so no notification is missed.
  const wake = () => {
    if (abort.signal.aborted) return;
    if (round) {
      again = true;
      return;
    }
    round = (async () => {
      do {
        again = false;
        try {
          await deliverDue(transport, { ...options, log, signal: abort.signal });
        } catch (error) {
          // A lost database connection, say: log it and carry on; the next wake-up tries again.
          log(`Mail worker: a delivery round failed: ${describeError(error)}`);
        }
      } while (again && !abort.signal.aborted);
      round = undefined;
    })();
  };

  // onlisten runs on every (re)connection: it delivers whatever was queued while nobody was listening.
  const { unlisten } = await sql.listen("outbox", wake, wake);
  const timer = setInterval(wake, pollMs);

  return {
    async stop() {
      abort.abort();
      clearInterval(timer);
      // The connection may already be gone (Ctrl+C stops the embedded database too): nothing to undo then.
      await unlisten().catch(() => {});
      await round;
      if (!options.transport) transport.close?.();
    },
  };
}
