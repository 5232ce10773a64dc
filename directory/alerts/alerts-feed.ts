import type { PageLanguage } from "../i18n/negotiate";

/** The feed query's answer: the saved search's name and its newest alerts. */
export interface SavedSearchFeedData {
  name: string;
  updatedAt: string;
  entries: Array<{
    id: string;
    kind: string;
    deadline: string | null;
    createdAt: string;
    url: string;
    title: { text: string; textLanguage: string };
    summary: { text: string; textLanguage: string } | null;
  }>;
}

/** The feed's operation: `savedSearchFeed` with each entry's texts in the reader's languages (LocalizedText's fallback). */
export const FEED_OPERATION = /* GraphQL */ `
  query DirectoryAlertFeed($token: String!) {
    savedSearchFeed(token: $token, first: 50) {
      name
      updatedAt
      entries { id kind deadline createdAt url title { text textLanguage } summary { text textLanguage } }
    }
  }
`;

/** Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF): dropped rather than sent. */
// eslint-disable-next-line no-control-regex -- naming the control characters XML allows is the point
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as XML character data or an attribute value: every markup character escaped. */
function xml(value: string): string {
  return value.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * A saved search's Atom 1.0 feed (RFC 4287): its name as the title, one entry per alert (`urn:uuid:` of the alert,
 * the record's title in its own language, a link to its page, when the alert was made, its kind as a category and
 * in words, with the deadline of a reminder). Written out here rather than with a feed library: every text is
 * plain (`type="text"`, never HTML a reader would render) and escaped, and characters XML cannot hold are dropped.
 */
export function atomFeed(feed: SavedSearchFeedData, options: { selfUrl: string; hubUrl: string; language: PageLanguage }): string {
  const { language } = options;
  const { t } = language;
  const dates = new Intl.DateTimeFormat(language.ui.tag, { dateStyle: "long", timeZone: "UTC" });
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(language.ui.tag)}">`,
    `  <id>${xml(options.selfUrl)}</id>`,
    `  <title type="text">${xml(feed.name)}</title>`,
    `  <updated>${xml(new Date(feed.updatedAt).toISOString())}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(options.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(new URL("/", options.hubUrl).toString())}"/>`,
    `  <author><name>${xml(t("siteName"))}</name></author>`,
    `  <generator>${xml(t("siteName"))}</generator>`,
  ];
  for (const entry of feed.entries) {
    const kind = t(`alertKind${entry.kind}` as "alertKindNEW");
    const summary = entry.deadline ? `${kind} · ${t("alertsDeadline", { date: dates.format(new Date(entry.deadline)) })}` : kind;
    lines.push(
      "  <entry>",
      `    <id>urn:uuid:${xml(entry.id)}</id>`,
      `    <title type="text" xml:lang="${xml(entry.title.textLanguage)}">${xml(entry.title.text)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(entry.url)}"/>`,
      `    <updated>${xml(new Date(entry.createdAt).toISOString())}</updated>`,
      `    <category term="${xml(entry.kind)}" label="${xml(kind)}"/>`,
      `    <summary type="text">${xml(summary)}</summary>`,
      ...(entry.summary ? [`    <content type="text" xml:lang="${xml(entry.summary.textLanguage)}">${xml(entry.summary.text)}</content>`] : []),
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}
