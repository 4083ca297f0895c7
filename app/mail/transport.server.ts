import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { env, type Env } from "~/env.server";
import { translations } from "~/i18n/i18next.server";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";

/** A message as the outbox hands it over: its outbox id names the .eml file. */
export type OutboxMail = SendMailOptions & { outboxId: string };

/** What the sender needs. A nodemailer transporter fits as it is, so tests can pass their own. */
export interface MailTransport {
  sendMail(mail: OutboxMail): Promise<unknown>;
  close?(): void;
}

// A sender holds the message's row lock while it talks to the server, so do not wait minutes on a dead one.
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/** SMTP when SMTP_URL is set; otherwise each message is written to DATA_DIR/outbox as an .eml file. */
export function createMailTransport(config: Pick<Env, "SMTP_URL" | "DATA_DIR"> = env): MailTransport {
  if (config.SMTP_URL) return nodemailer.createTransport({ url: config.SMTP_URL, ...TIMEOUTS });
  return emlTransport(path.join(config.DATA_DIR, "outbox"));
}

function emlTransport(dir: string): MailTransport {
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async sendMail(mail) {
      const { message } = await stream.sendMail(mail);
      await mkdir(dir, { recursive: true });
      // ISO time without colons (valid on every file system) sorts the files in sending order.
      const time = new Date().toISOString().replace(/[:.]/g, "-");
      await writeFile(path.join(dir, `${time}-${mail.outboxId}.eml`), message as Buffer);
    },
    close: () => stream.close(),
  };
}

/** The portal's own host name, for the sender address and Message-IDs (no extra setting to get wrong). */
export function mailHost(publicUrl = env.PUBLIC_URL): string {
  return publicUrl ? new URL(publicUrl).hostname : "localhost";
}

/** The service's name (in English, the default language) as the sender, from a no-reply address. */
export function mailFrom(host = mailHost()): string {
  const name = translations.getFixedT(DEFAULT_LANGUAGE)("common:serviceName").replace(/"/g, "'");
  return `"${name}" <no-reply@${host}>`;
}
