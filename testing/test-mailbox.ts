import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A local SMTP server for tests: every message it receives, parsed (mailparser), in arrival order. */
export interface TestMailbox {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  mails: ParsedMail[];
  /** The messages sent to `address` so far. */
  to: (address: string) => ParsedMail[];
  close: () => Promise<void>;
}

/** Starts a test mailbox on a free port of 127.0.0.1, without authentication or TLS. */
export async function startTestMailbox(): Promise<TestMailbox> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream).then((mail) => {
        mails.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    mails,
    to: (address) => mails.filter((mail) => (mail.to as { text: string } | undefined)?.text.includes(address)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
