import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import nodemailer, { type Transporter } from "nodemailer";
import { logger } from "@agora-hub/runtime";
import { type MailCatcher, readSubject, startMailCatcher } from "../mail-catcher";

const MAX_BYTES = 64 * 1024;
const MAX_MESSAGES = 3;

describe("the development mail catcher", () => {
  let root: string;
  let catcher: MailCatcher;
  let transport: Transporter;
  const messages = () =>
    readdirSync(catcher.directory)
      .filter((name) => name.endsWith(".eml"))
      .sort();
  const send = (subject: string, text = "Bonjour.") =>
    transport.sendMail({ from: "Agora Hub <alerts@agora-hub.localhost>", to: "ana@example.org", subject, text });

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "agora-mail-"));
    // A folder that does not exist yet: the catcher creates it.
    catcher = await startMailCatcher({ directory: path.join(root, "mail"), maxBytes: MAX_BYTES, maxMessages: MAX_MESSAGES });
    transport = nodemailer.createTransport(catcher.smtpUrl);
  });

  afterAll(async () => {
    transport?.close();
    await catcher?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  afterEach(() => jest.restoreAllMocks());

  it("listens on 127.0.0.1 and writes each message as an .eml file before it answers, logging its recipients, decoded subject and file", async () => {
    expect(catcher.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    const info = jest.spyOn(logger, "info");
    const subject = "Nouvelles opportunités — résidence";
    await transport.sendMail({
      from: "Agora Hub <alerts@agora-hub.localhost>",
      to: "ana@example.org",
      bcc: "ben@example.org",
      subject,
      text: "Trois appels à candidatures correspondent à votre recherche.",
      html: "<p>Trois <strong>appels à candidatures</strong> correspondent à votre recherche.</p>",
    });

    const [name] = messages();
    expect(name).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{6}\.eml$/);
    const raw = readFileSync(path.join(catcher.directory, name));
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(subject);
    expect(parsed.text?.trim()).toBe("Trois appels à candidatures correspondent à votre recherche.");
    expect(parsed.html).toContain("<strong>appels à candidatures</strong>");
    // The header as sent is RFC 2047 encoded; the log shows it decoded.
    expect(raw.toString("latin1")).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(await readSubject(raw)).toBe(subject);
    expect(info).toHaveBeenCalledWith(
      { to: ["ana@example.org", "ben@example.org"], subject, file: path.join(catcher.directory, name) },
      expect.stringContaining(subject),
    );
  });

  it("makes only the mail folder private: a data folder it creates above it is made as the umask says, for the embedded PostgreSQL's user to enter", async () => {
    const nested = await startMailCatcher({ directory: path.join(root, "data", "mail") });
    try {
      // As open as the umask lets any folder be, not 0700 like the mail folder.
      expect(statSync(path.join(root, "data")).mode & 0o777).toBe(0o777 & ~process.umask());
      expect(statSync(path.join(root, "data", "mail")).mode & 0o077).toBe(0);
    } finally {
      await nested.stop();
    }
  });

  it("decodes a folded subject of several encoded words, and says when there is none", async () => {
    const folded = Buffer.from(
      "From: a@example.org\r\nSubject: =?UTF-8?B?Tm91dmVsbGVzIG9wcG9ydHVuaXTDqXM=?=\r\n =?ISO-8859-1?Q?_=E0_Lyon?=\r\n\r\nSubject: not this one\r\n",
    );
    expect(await readSubject(folded)).toBe("Nouvelles opportunités à Lyon");
    expect(await readSubject(Buffer.from("From: a@example.org\r\n\r\nSubject: a body line\r\n"))).toBeNull();
  });

  it("refuses a message over its size limit with 552 and writes nothing", async () => {
    const before = messages();
    await expect(send("Too big", "x".repeat(MAX_BYTES + 1024))).rejects.toMatchObject({ responseCode: 552 });
    expect(messages()).toEqual(before);
    // The connection stays usable for the next message.
    await send("Small again");
    expect(messages()).toHaveLength(Math.min(before.length + 1, MAX_MESSAGES));
  });

  it(`keeps only the newest ${MAX_MESSAGES} messages, deleting the oldest`, async () => {
    for (const n of [1, 2, 3, 4, 5]) await send(`Message ${n}`);
    const kept = messages();
    expect(kept).toHaveLength(MAX_MESSAGES);
    const subjects = await Promise.all(kept.map((name) => readSubject(readFileSync(path.join(catcher.directory, name)))));
    expect(subjects).toEqual(["Message 3", "Message 4", "Message 5"]);
    // No half-written file is left beside them.
    expect(readdirSync(catcher.directory)).toHaveLength(MAX_MESSAGES);
  });
});
