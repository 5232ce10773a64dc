import type { Child } from "hono/jsx";
import { COUNTRIES, DISCIPLINE_DOMAINS, DISCIPLINE_PRACTICES } from "@agora-hub/runtime";
import type { PageLanguage } from "../i18n/negotiate";
import { countryName, term } from "../pages/parts";
import { Layout } from "../pages/layout";
import { COLLECTION_HIT_TYPES, DEFAULT_LIMIT, EMBED_COLLECTIONS, embedParameters, type EmbedRequest, hubListUrl, MAX_LIMIT } from "./embed-parameters";

/** What the form was filled with (raw, to show again), and what it makes when valid. */
export interface EmbedPageProps {
  language: PageLanguage;
  hubUrl: string;
  form: Record<string, string>;
  /** The criteria when valid. */
  request: EmbedRequest | null;
  /** Why the criteria cannot be shown (a parameter's problem), or that the hub could not check them now. */
  problem: string | null;
  unavailable: boolean;
}

/** `value` as an HTML attribute value, for the snippets' text. */
function attribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** The two snippets for `request`: an iframe, and the web component with its fallback link. */
function snippets(request: EmbedRequest, language: PageLanguage, hubUrl: string) {
  const { t } = language;
  const parameters = embedParameters(request, language.ui.tag);
  const query = new URLSearchParams(parameters).toString();
  const name = t(`type${COLLECTION_HIT_TYPES[request.collection]}`);
  const more = t(`embedMore${COLLECTION_HIT_TYPES[request.collection]}`);
  const script = new URL("/embed/agora-list.js", hubUrl).toString();
  const src = new URL(`/embed/${request.collection}?${query}`, hubUrl).toString();
  // A rough height for `limit` items, as an iframe cannot size itself without a script.
  const height = 70 + request.criteria.limit * 76;
  const attributes = [["collection", request.collection], ...parameters].map(([key, value]) => ` ${key}="${attribute(value)}"`).join("");
  return {
    preview: `/embed/${request.collection}?${query}`,
    height,
    title: `${name} · ${t("siteName")}`,
    component: [
      `<script type="module" src="${attribute(script)}"></script>`,
      `<agora-list${attributes}>`,
      `  <a href="${attribute(hubListUrl(hubUrl, request.collection, request.criteria, language.ui.tag))}">${attribute(more)}</a>`,
      `</agora-list>`,
    ].join("\n"),
    iframe: `<iframe src="${attribute(src)}" title="${attribute(`${name} · ${t("siteName")}`)}" width="100%" height="${height}" style="border: 0" loading="lazy" referrerpolicy="no-referrer"></iframe>`,
  };
}

const STYLING_EXAMPLE = `agora-list {
  --agora-accent: #b00020;
  --agora-text: #202020;
  --agora-background: #fffaf3;
  --agora-font: Georgia, serif;
  --agora-radius: 0;
}`;

function Field({ id, text, hint, children }: { id: string; text: string; hint?: string; children: Child }) {
  return (
    <p class="embed-field">
      <label for={id}>{text}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
    </p>
  );
}

/** The criteria form: a plain GET form, so it works without JavaScript. */
function EmbedForm({ language, form }: { language: PageLanguage; form: Record<string, string> }) {
  const { t } = language;
  const collator = new Intl.Collator(language.ui.tag);
  const countries = Object.keys(COUNTRIES)
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <form class="embed-form" method="get" action="/embed">
      <input type="hidden" name="lang" value={language.ui.tag} />
      <Field id="collection" text={t("embedCollection")}>
        <select id="collection" name="collection">
          {EMBED_COLLECTIONS.map((collection) => (
            <option value={collection} selected={collection === (form.collection ?? "opportunities")}>
              {t(`type${COLLECTION_HIT_TYPES[collection]}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="network" text={t("network")} hint={t("embedNetworkHint")}>
        <input id="network" name="network" value={form.network ?? ""} maxLength={63} aria-describedby="network-hint" />
      </Field>
      <Field id="discipline" text={t("embedDiscipline")}>
        <select id="discipline" name="discipline">
          <option value="">{t("embedAny")}</option>
          {Object.keys(DISCIPLINE_DOMAINS).map((domain) => (
            <optgroup label={term(domain, language)}>
              <option value={domain} selected={form.discipline === domain}>
                {term(domain, language)}
              </option>
              {Object.entries(DISCIPLINE_PRACTICES)
                .filter(([, practice]) => practice.domain === domain)
                .map(([code]) => (
                  <option value={code} selected={form.discipline === code}>
                    {term(code, language)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <Field id="country" text={t("country")}>
        <select id="country" name="country">
          <option value="">{t("embedAny")}</option>
          {countries.map(({ code, name }) => (
            <option value={code} selected={form.country === code}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="type" text={t("embedType")} hint={t("embedTypeHint")}>
        <input id="type" name="type" value={form.type ?? ""} maxLength={40} aria-describedby="type-hint" />
      </Field>
      <Field id="limit" text={t("embedLimit")}>
        <input id="limit" name="limit" type="number" min={1} max={MAX_LIMIT} value={form.limit ?? String(DEFAULT_LIMIT)} />
      </Field>
      <p>
        <button type="submit">{t("embedShow")}</button>
      </p>
    </form>
  );
}

/** `/embed`: how a partner network puts a list on its own website, with the snippets for its criteria and a preview. */
export function EmbedPage({ language, hubUrl, form, request, problem, unavailable }: EmbedPageProps) {
  const { t } = language;
  const made = request && !problem ? snippets(request, language, hubUrl) : null;
  const query = new URLSearchParams(form).toString();
  return (
    <Layout frame={{ language, title: t("embedTitle"), path: `/embed${query ? `?${query}` : ""}`, hubUrl }}>
      <h1>{t("embedTitle")}</h1>
      <p class="lead">{t("embedIntro")}</p>
      <section aria-labelledby="embed-criteria">
        <h2 id="embed-criteria">{t("embedCriteria")}</h2>
        <EmbedForm language={language} form={form} />
      </section>
      {problem && (
        <p class="notice" role="alert">
          {t("embedInvalid", { problem })}
        </p>
      )}
      {unavailable && (
        <p class="notice" role="status">
          {t("unavailableText")}
        </p>
      )}
      {made && (
        <>
          <section aria-labelledby="embed-component">
            <h2 id="embed-component">{t("embedComponent")}</h2>
            <p>{t("embedComponentHelp")}</p>
            <textarea class="snippet-code" aria-labelledby="embed-component" readonly rows={6} spellcheck={false}>
              {made.component}
            </textarea>
          </section>
          <section aria-labelledby="embed-iframe">
            <h2 id="embed-iframe">{t("embedIframe")}</h2>
            <p>{t("embedIframeHelp")}</p>
            <textarea class="snippet-code" aria-labelledby="embed-iframe" readonly rows={3} spellcheck={false}>
              {made.iframe}
            </textarea>
          </section>
          <section aria-labelledby="embed-styling">
            <h2 id="embed-styling">{t("embedStyling")}</h2>
            <p>{t("embedStylingHelp")}</p>
            <textarea class="snippet-code" aria-labelledby="embed-styling" readonly rows={7} spellcheck={false}>
              {STYLING_EXAMPLE}
            </textarea>
          </section>
          <section aria-labelledby="embed-preview">
            <h2 id="embed-preview">{t("embedPreview")}</h2>
            <iframe class="embed-preview" src={made.preview} title={made.title} height={made.height} loading="lazy" />
          </section>
        </>
      )}
      <p>{t("embedPrivacy")}</p>
    </Layout>
  );
}
