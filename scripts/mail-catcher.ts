import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { logger } from "@agora-hub/runtime";

/** Largest message accepted by default; a bigger one is refused with 552. */
export const DEFAULT_MAIL_MAX_BYTES = 10 * 1024 * 1024;
/** Messages kept by default; older ones are deleted as new ones arrive. */
export const DEFAULT_MAIL_MAX_MESSAGES = 500;

export interface MailCatcherOptions {
  /** Where each message is written as `<arrival time>-<id>.eml` (created if missing). */
  directory: string;
  /** 127.0.0.1 unless set: the catcher is for the processes of this machine. */
  host?: string;
  /** 0 (a free port) unless set. */
  port?: number;
  /** Largest message accepted, in bytes. */
  maxBytes?: number;
  /** Most messages kept in `directory`; the oldest beyond it are deleted. */
  maxMessages?: number;
}

export interface MailCatcher {
  /** Where to send: `smtp://host:port`, for SMTP_URL. */
  smtpUrl: string;
  /** The folder the messages are written to (absolute). */
  directory: string;
  /** Closes the server; a connection still open is cut after a second. */
  stop: () => Promise<void>;
}

/** The Subject of a message, RFC 2047 words decoded, from its header block alone; null when it has none. */
export async function readSubject(message: Buffer): Promise<string | null> {
  const end = message.indexOf("\r\n\r\n");
  const headers = end >= 0 ? message.subarray(0, end + 4) : message;
  const parsed = await simpleParser(headers, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  return parsed.subject ?? null;
}

/**
 * A development SMTP server for `npm start` without SMTP_URL: no authentication, no TLS; each message it
 * accepts is written to `directory` as an `.eml` file (names sort by arrival) and logged with its recipients,
 * subject and file, and only the newest `maxMessages` are kept.
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const directory = path.resolve(options.directory);
  const maxBytes = options.maxBytes ?? DEFAULT_MAIL_MAX_BYTES;
  const maxMessages = options.maxMessages ?? DEFAULT_MAIL_MAX_MESSAGES;
  // The folders above it as the umask makes them (the data folder must stay enterable by the embedded PostgreSQL's
  // user); only the mail folder itself is private.
  await mkdir(path.dirname(directory), { recursive: true });
  await mkdir(directory, { recursive: true, mode: 0o700 });

  let lastStamp = 0;
  /** A name that sorts after every earlier one of this run, even two in the same millisecond. */
  const nextName = () => {
    lastStamp = Math.max(Date.now(), lastStamp + 1);
    return `${new Date(lastStamp).toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}.eml`;
  };
  // One write and prune at a time, so pruning never races a file being written.
  let queue: Promise<unknown> = Promise.resolve();
  const store = (message: Buffer): Promise<string> => {
    const stored = queue.then(async () => {
      const name = nextName();
      const file = path.join(directory, name);
      // Written aside, then renamed: a reader of the folder never sees half a message.
      const partial = path.join(directory, `.${name}.partial`);
      await writeFile(partial, message, { mode: 0o600 });
      await rename(partial, file);
      const messages = (await readdir(directory)).filter((entry) => entry.endsWith(".eml")).sort();
      await Promise.all(messages.slice(0, Math.max(0, messages.length - maxMessages)).map((entry) => rm(path.join(directory, entry), { force: true })));
      return file;
    });
    queue = stored.catch(() => {});
    return stored;
  };

  const receive = (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    stream.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      // Past the limit nothing more is kept: the server answers 552 (rejectOversized) once the client is done.
      if (bytes <= maxBytes) chunks.push(chunk);
    });
    stream.on("end", () => {
      if (stream.sizeExceeded) return callback();
      const message = Buffer.concat(chunks);
      const recipients = session.envelope.rcptTo.map((recipient) => recipient.address);
      void (async () => {
        const file = await store(message);
        const subject = await readSubject(message).catch(() => null);
        logger.info({ to: recipients, subject, file }, `mail to ${recipients.join(", ")}: ${subject ?? "(no subject)"}, in ${file}`);
      })().then(
        () => callback(),
        (error: unknown) => {
          logger.warn({ err: error }, "the mail catcher could not store a message");
          callback(Object.assign(new Error("could not store the message"), { responseCode: 451 }));
        },
      );
    });
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    size: maxBytes,
    rejectOversized: true,
    logger: false,
    banner: "Agora Hub development mail catcher",
    closeTimeout: 1000,
    onData: receive,
  });
  server.on("error", (error) => logger.warn({ err: error }, "mail catcher error"));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    smtpUrl: `smtp://${host.includes(":") ? `[${host}]` : host}:${port}`,
    directory,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
