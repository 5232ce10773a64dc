import { html } from "hono/html";
import { LocalizedText, type LocalizedTextData } from "@agora-hub/subgraph-kit";
import { AlertKind } from "../saved-search/saved-search.type";

/*
 * The alerts' e-mail, in the subscriber's language (English, French, Arabic, Spanish; English otherwise), as plain
 * text and HTML, every value from the networks escaped in the HTML. Records' titles come in that language when
 * the record has it (the hub's fallback chain otherwise).
 */

interface Strings {
  confirmSubject: (name: string) => string;
  confirmBody: string;
  confirmAction: string;
  confirmIgnore: string;
  alertSubject: Record<AlertKind, (title: string) => string>;
  kindLabel: Record<AlertKind, string>;
  digestSubject: (name: string, count: number) => string;
  intro: (name: string) => string;
  deadline: string;
  feed: string;
  unsubscribe: string;
  more: (count: number) => string;
}

const STRINGS: Record<"en" | "fr" | "ar" | "es", Strings> = {
  en: {
    confirmSubject: (name) => `Confirm your Agora Hub alert: ${name}`,
    confirmBody: "Someone (we hope you) asked Agora Hub to e-mail this address when new records match this search:",
    confirmAction: "Confirm the alert",
    confirmIgnore: "If it was not you, ignore this message: nothing more will be sent.",
    alertSubject: { NEW: (title) => `New: ${title}`, UPDATED: (title) => `Updated: ${title}`, CLOSING_SOON: (title) => `Closing soon: ${title}` },
    kindLabel: { NEW: "New", UPDATED: "Updated", CLOSING_SOON: "Closing soon" },
    digestSubject: (name, count) => `${count} new for “${name}”`,
    intro: (name) => `Your Agora Hub alert “${name}”:`,
    deadline: "Deadline",
    feed: "Atom feed",
    unsubscribe: "Unsubscribe",
    more: (count) => `…and ${count} more in the feed.`,
  },
  fr: {
    confirmSubject: (name) => `Confirmez votre alerte Agora Hub : ${name}`,
    confirmBody: "Quelqu’un (vous, nous l’espérons) a demandé à Agora Hub d’écrire à cette adresse quand de nouvelles fiches correspondent à cette recherche :",
    confirmAction: "Confirmer l’alerte",
    confirmIgnore: "Si ce n’était pas vous, ignorez ce message : rien d’autre ne sera envoyé.",
    alertSubject: { NEW: (title) => `Nouveau : ${title}`, UPDATED: (title) => `Mis à jour : ${title}`, CLOSING_SOON: (title) => `Bientôt clos : ${title}` },
    kindLabel: { NEW: "Nouveau", UPDATED: "Mis à jour", CLOSING_SOON: "Bientôt clos" },
    digestSubject: (name, count) => `${count} nouveautés pour « ${name} »`,
    intro: (name) => `Votre alerte Agora Hub « ${name} » :`,
    deadline: "Date limite",
    feed: "Flux Atom",
    unsubscribe: "Se désabonner",
    more: (count) => `…et ${count} de plus dans le flux.`,
  },
  ar: {
    confirmSubject: (name) => `أكّد تنبيهك على Agora Hub: ${name}`,
    confirmBody: "طلب أحدهم (نأمل أن تكون أنت) من Agora Hub مراسلة هذا العنوان عندما تطابق سجلات جديدة هذا البحث:",
    confirmAction: "تأكيد التنبيه",
    confirmIgnore: "إن لم تكن أنت، فتجاهل هذه الرسالة: لن يُرسل شيء آخر.",
    alertSubject: { NEW: (title) => `جديد: ${title}`, UPDATED: (title) => `تحديث: ${title}`, CLOSING_SOON: (title) => `يُغلق قريبًا: ${title}` },
    kindLabel: { NEW: "جديد", UPDATED: "تحديث", CLOSING_SOON: "يُغلق قريبًا" },
    digestSubject: (name, count) => `${count} جديد في «${name}»`,
    intro: (name) => `تنبيهك على Agora Hub «${name}»:`,
    deadline: "الموعد النهائي",
    feed: "موجز Atom",
    unsubscribe: "إلغاء الاشتراك",
    more: (count) => `…و${count} غيرها في الموجز.`,
  },
  es: {
    confirmSubject: (name) => `Confirma tu alerta de Agora Hub: ${name}`,
    confirmBody: "Alguien (esperamos que tú) pidió a Agora Hub escribir a esta dirección cuando nuevos registros coincidan con esta búsqueda:",
    confirmAction: "Confirmar la alerta",
    confirmIgnore: "Si no fuiste tú, ignora este mensaje: no se enviará nada más.",
    alertSubject: { NEW: (title) => `Nuevo: ${title}`, UPDATED: (title) => `Actualizado: ${title}`, CLOSING_SOON: (title) => `Cierra pronto: ${title}` },
    kindLabel: { NEW: "Nuevo", UPDATED: "Actualizado", CLOSING_SOON: "Cierra pronto" },
    digestSubject: (name, count) => `${count} novedades para «${name}»`,
    intro: (name) => `Tu alerta de Agora Hub «${name}»:`,
    deadline: "Fecha límite",
    feed: "Canal Atom",
    unsubscribe: "Darse de baja",
    more: (count) => `…y ${count} más en el canal.`,
  },
};

function stringsFor(language: string): { strings: Strings; lang: keyof typeof STRINGS } {
  const base = language.split("-")[0].toLowerCase();
  const lang = (base in STRINGS ? base : "en") as keyof typeof STRINGS;
  return { strings: STRINGS[lang], lang };
}

/** A message as nodemailer sends it. */
export interface MailMessage {
  subject: string;
  text: string;
  html: string;
}

/** One alert as a message shows it. */
export interface MailAlert {
  kind: AlertKind;
  title: LocalizedTextData;
  url: string;
  deadline: Date | null;
}

function titleIn(title: LocalizedTextData, language: string): string {
  return LocalizedText.from(title).pick(language).value;
}

function page(lang: string, body: ReturnType<typeof html>): string {
  return html`<!doctype html><html lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5">${body}</body></html>`.toString();
}

const day = (date: Date, lang: string) => date.toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

/** The confirmation message of an e-mail subscription: its name, criteria summary and the one link that activates it. */
export function confirmationMessage(language: string, name: string, confirmUrl: string): MailMessage {
  const { strings, lang } = stringsFor(language);
  return {
    subject: strings.confirmSubject(name),
    text: `${strings.confirmBody}\n\n  ${name}\n\n${strings.confirmAction}: ${confirmUrl}\n\n${strings.confirmIgnore}\n`,
    html: page(
      lang,
      html`<p>${strings.confirmBody}</p><p><strong>${name}</strong></p><p><a href="${confirmUrl}">${strings.confirmAction}</a></p><p>${strings.confirmIgnore}</p>`,
    ),
  };
}

/** Alerts as a message: one alert (subject its title), or a digest of several (at most `shown` listed). */
export function alertsMessage(
  language: string,
  name: string,
  alerts: MailAlert[],
  links: { feedUrl: string; unsubscribeUrl: string },
  options: { digest: boolean; more?: number },
): MailMessage {
  const { strings, lang } = stringsFor(language);
  const lines = alerts.map((alert) => {
    const title = titleIn(alert.title, lang);
    const deadline = alert.deadline ? ` (${strings.deadline}: ${day(alert.deadline, lang)})` : "";
    return { title, deadline, label: strings.kindLabel[alert.kind], url: alert.url };
  });
  const subject =
    options.digest || alerts.length > 1
      ? strings.digestSubject(name, alerts.length + (options.more ?? 0))
      : strings.alertSubject[alerts[0].kind](lines[0].title);
  const more = options.more ? `\n${strings.more(options.more)}\n` : "";
  const text =
    `${strings.intro(name)}\n\n` +
    lines.map((line) => `${line.label}: ${line.title}${line.deadline}\n  ${line.url}\n`).join("\n") +
    more +
    `\n${strings.feed}: ${links.feedUrl}\n${strings.unsubscribe}: ${links.unsubscribeUrl}\n`;
  const body = html`<p>${strings.intro(name)}</p>
    <ul>
      ${lines.map((line) => html`<li>${line.label}: <a href="${line.url}">${line.title}</a>${line.deadline}</li>`)}
    </ul>
    ${options.more ? html`<p>${strings.more(options.more)}</p>` : ""}
    <p><a href="${links.feedUrl}">${strings.feed}</a> · <a href="${links.unsubscribeUrl}">${strings.unsubscribe}</a></p>`;
  return { subject, text, html: page(lang, body) };
}
