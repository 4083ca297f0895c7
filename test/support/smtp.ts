import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  mail: ParsedMail;
  rcptTo: string[];
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. `reject` refuses every recipient. */
export async function startSmtpServer(port = 0, { reject = false } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      if (!reject) return callback();
      // Real servers quote the address back, as this does: it must not reach our table or logs.
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ mail, rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, rejectListen) => {
    server.server.once("error", rejectListen);
    server.listen(port, "127.0.0.1", resolve);
  });
  const address = server.server.address() as AddressInfo;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));

  /** The first message to `recipient` after the first `skip` ones, waiting for it to arrive. */
  async function waitForMail(recipient: string, { skip = 0, timeoutMs = 20_000 } = {}): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mine = received.filter((message) => message.rcptTo.includes(recipient));
      if (mine.length > skip) return mine[skip]!.mail;
      if (Date.now() > deadline) throw new Error(`No email to ${recipient} arrived within ${timeoutMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return { port: address.port, received, close, waitForMail };
}

/** A port with nothing listening on it (for now). */
export { freePort } from "../../db/embedded";
