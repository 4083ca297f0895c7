import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";

/**
 * The newest .eml the app wrote to DATA_DIR/outbox for `recipient` (the app's mail with no SMTP_URL),
 * waiting for the mail worker to write it.
 */
export async function latestEmailTo(dataDir: string, recipient: string, { after = 0, timeoutMs = 15_000 } = {}) {
  const dir = path.join(dataDir, "outbox");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((file) => file.endsWith(".eml"))
          .sort()
          .reverse()
      : [];
    for (const file of files.slice(0, 50)) {
      const mail = await simpleParser(readFileSync(path.join(dir, file)));
      const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
      if (to.some((address) => address.text.includes(recipient)) && (mail.date?.getTime() ?? 0) >= after) return mail;
    }
    if (Date.now() > deadline) throw new Error(`No email to ${recipient} in ${dir} within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const staffLinkIn = (text: string | undefined) => text?.match(/http:\/\/\S+\/staff\/\S+/)?.[0] ?? "";
