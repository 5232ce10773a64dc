import type { Child } from "hono/jsx";
import { INTERFACE_LANGUAGES, type MessageKey } from "../i18n/messages";
import type { PageLanguage } from "../i18n/negotiate";

/** What every page's frame needs: its language, title, own path (for the switcher and canonical URL) and JSON-LD. */
export interface PageFrame {
  language: PageLanguage;
  title: string;
  /** The page's path and query without `lang`, e.g. `/people/…` or `/?q=dance`. */
  path: string;
  /** The hub's public base URL, for the canonical link. */
  hubUrl: string;
  /** The entity as schema.org JSON-LD, embedded for search engines and linked-data clients. */
  jsonLd?: unknown;
}

/** The list pages every page links to: what visitors come for, each one click away. */
const SITE_NAV: ReadonlyArray<{ href: string; label: MessageKey }> = [
  { href: "/opportunities?status=OPEN", label: "openCallsNow" },
  { href: "/opportunities?status=OPEN&closing=30", label: "closingSoon" },
  { href: "/events", label: "upcomingEvents" },
  { href: "/resources", label: "resources" },
  { href: "/organisations", label: "organisationsTitle" },
  { href: "/people", label: "peopleTitle" },
  { href: "/networks", label: "networksTitle" },
];

/** `path` with `lang` set (the switcher's links, and every internal link of a page shown in a chosen language). */
export function withLanguage(path: string, lang: string): string {
  const url = new URL(path, "http://directory.invalid");
  url.searchParams.set("lang", lang);
  return `${url.pathname}${url.search}`;
}

/** JSON for a `<script>` element: `<` escaped, so no text in it can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** The frame of every directory page: language and direction, header with search and language switcher, footer. */
export function Layout({ frame, children }: { frame: PageFrame; children: Child }) {
  const { language, title, path } = frame;
  const { t } = language;
  const canonical = new URL(path, frame.hubUrl).toString();
  return (
    <html lang={language.ui.tag} dir={language.ui.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t("siteName")}`}</title>
        <link rel="canonical" href={canonical} />
        {INTERFACE_LANGUAGES.map((other) => (
          <link rel="alternate" hreflang={other.tag} href={new URL(withLanguage(path, other.tag), frame.hubUrl).toString()} />
        ))}
        <link rel="stylesheet" href="/directory/assets/directory.css" />
        {frame.jsonLd !== undefined && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(frame.jsonLd) }} />}
      </head>
      <body>
        <header class="site-header">
          <a class="site-name" href={withLanguage("/", language.ui.tag)}>
            {t("siteName")}
          </a>
          <nav aria-label={t("language")} class="languages">
            <ul>
              {INTERFACE_LANGUAGES.map((other) => (
                <li>
                  <a
                    href={withLanguage(path, other.tag)}
                    hreflang={other.tag}
                    lang={other.tag}
                    aria-current={other.tag === language.ui.tag ? "true" : undefined}
                  >
                    {other.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <nav class="site-nav" aria-label={t("browse")}>
          <ul>
            {SITE_NAV.map((entry) => (
              <li>
                <a href={withLanguage(entry.href, language.ui.tag)}>{t(entry.label)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main">{children}</main>
        <footer class="site-footer">
          <p>{t("footer")}</p>
          <p>
            <a href="/graphql">{t("apiLink")}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
