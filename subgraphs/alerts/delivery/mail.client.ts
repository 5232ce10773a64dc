import nodemailer, { type Transporter } from "nodemailer";
import type { MailMessage } from "./alert-mail.messages";

/** Sends the alerts' e-mail through SMTP_URL. */
export interface Mailer {
  send: (to: string, message: MailMessage, unsubscribeUrl?: string) => Promise<void>;
  close: () => void;
}

/**
 * A mailer on `smtpUrl` (nodemailer, pooled connections). Alerts carry `List-Unsubscribe` with the one-click
 * `List-Unsubscribe-Post` (RFC 8058), so mail clients offer the unsubscribe button and need no page.
 */
export function createMailer(smtpUrl: string, from: string, timeoutMs: number): Mailer {
  const transport: Transporter = nodemailer.createTransport(smtpUrl, {
    pool: true,
    maxConnections: 2,
    connectionTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
  } as never);
  return {
    send: async (to, message, unsubscribeUrl) => {
      await transport.sendMail({
        from,
        to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(unsubscribeUrl ? { headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } } : {}),
      });
    },
    close: () => transport.close(),
  };
}
