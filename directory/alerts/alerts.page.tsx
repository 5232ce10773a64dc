import type { PageLanguage } from "../i18n/negotiate";
import type { ListDefinition } from "../lists/list-definitions";
import { listPath } from "../lists/list-parameters";
import { Layout, withLanguage } from "../pages/layout";
import { valueLabel } from "../pages/list.page";
import { followedCriteria, unfollowedChoices } from "./alert-criteria";

/** How often a subscriber may ask for mail, as `AlertFrequency` has it. */
export const ALERT_FREQUENCIES = ["IMMEDIATE", "DAILY", "WEEKLY"] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

/** Longest saved search name the alerts subgraph takes. */
const NAME_MAX_LENGTH = 120;

/** What the visitor typed, shown again in the form after an error. */
export interface SubscribeDraft {
  email: string;
  frequency: string;
}

/** What a list page's alert follows: each followed criterion's values in words, and the words searched. */
function followedWords(definition: ListDefinition, chosen: ReadonlyMap<string, readonly string[]>, search: string | null, language: PageLanguage): string[] {
  const parts = followedCriteria(definition).flatMap((criterion) => {
    const values = chosen.get(criterion.param);
    return values?.length ? [`${language.t(criterion.label)}: ${values.map((value) => valueLabel(criterion, value, language)).join(", ")}`] : [];
  });
  return search ? [...parts, `“${search}”`] : parts;
}

/** A subscription's name, as its messages and feed show it: the list and what it follows, in the page's language. */
export function alertName(definition: ListDefinition, chosen: ReadonlyMap<string, readonly string[]>, search: string | null, language: PageLanguage): string {
  const words = followedWords(definition, chosen, search, language);
  const name = words.length ? `${language.t(definition.title)}: ${words.join(" · ")}` : language.t(definition.title);
  return name.length > NAME_MAX_LENGTH ? `${name.slice(0, NAME_MAX_LENGTH - 1)}…` : name;
}

/**
 * "E-mail me new matches": a disclosure on a list page with a form that POSTs the page's filters (those an alert
 * can follow, as hidden fields named like the list's parameters), an address and a frequency to /alerts/subscribe.
 * No script needed. Open, with the visitor's values and the error, when shown again after a refusal.
 */
export function SubscribeForm(props: {
  definition: ListDefinition;
  chosen: ReadonlyMap<string, readonly string[]>;
  search: string | null;
  language: PageLanguage;
  draft?: SubscribeDraft;
  error?: string;
}) {
  const { definition, chosen, search, language, draft, error } = props;
  const { t } = language;
  const followed = followedWords(definition, chosen, search, language);
  const unfollowed = unfollowedChoices(definition, chosen);
  return (
    <details class="alerts-subscribe" open={draft !== undefined}>
      <summary>{t("alertsSubscribe")}</summary>
      <form method="post" action={withLanguage("/alerts/subscribe", language.ui.tag)}>
        <p>{t("alertsSubscribeIntro")}</p>
        <p>{t("alertsFollows", { criteria: followed.length ? followed.join(" · ") : t("alertsEverything") })}</p>
        {unfollowed.length > 0 && (
          <p>
            {t("alertsNotFollowed", {
              filters: unfollowed
                .map(
                  (criterion) =>
                    `${t(criterion.label)}: ${(chosen.get(criterion.param) ?? []).map((value) => valueLabel(criterion, value, language)).join(", ")}`,
                )
                .join(" · "),
            })}
          </p>
        )}
        {error && (
          <p class="report-error" id="alerts-error" role="alert">
            {error}
          </p>
        )}
        <input type="hidden" name="list" value={definition.collection} />
        {search && <input type="hidden" name="q" value={search} />}
        {followedCriteria(definition).flatMap((criterion) =>
          (chosen.get(criterion.param) ?? []).map((value) => <input type="hidden" name={criterion.param} value={value} />),
        )}
        <div class="field">
          <label for="alerts-email">{t("alertsEmail")}</label>
          <input
            id="alerts-email"
            name="email"
            type="email"
            required
            maxlength={254}
            autocomplete="email"
            value={draft?.email ?? ""}
            aria-describedby={error ? "alerts-error" : undefined}
          />
        </div>
        <div class="field">
          <label for="alerts-frequency">{t("alertsFrequency")}</label>
          <select id="alerts-frequency" name="frequency">
            {ALERT_FREQUENCIES.map((frequency) => (
              <option value={frequency} selected={draft?.frequency === frequency}>
                {t(`alertsFrequency${frequency}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("alertsSubscribeSend")}</button>
      </form>
    </details>
  );
}

/** The page after the subscribe form: "check your inbox", or the form again with what went wrong. */
export function SubscribePage(props: {
  language: PageLanguage;
  hubUrl: string;
  definition: ListDefinition;
  chosen: ReadonlyMap<string, readonly string[]>;
  search: string | null;
  outcome: { sentTo: string } | { error: string; draft: SubscribeDraft };
}) {
  const { language, hubUrl, definition, chosen, search, outcome } = props;
  const { t } = language;
  const title = t("sentTo" in outcome ? "alertsCheckInboxTitle" : "alertsSubscribeFailedTitle");
  const list = listPath(definition, chosen, search);
  return (
    <Layout frame={{ language, title, path: list, hubUrl }}>
      <h1>{title}</h1>
      {"sentTo" in outcome ? (
        <p>{t("alertsCheckInboxText", { email: outcome.sentTo })}</p>
      ) : (
        <SubscribeForm definition={definition} chosen={chosen} search={search} language={language} draft={outcome.draft} error={outcome.error} />
      )}
      <p>
        <a href={withLanguage(list, language.ui.tag)}>{t("alertsBackToList")}</a>
      </p>
    </Layout>
  );
}

/** A page with one button that POSTs back to its own address: links in mail are never acted on by a GET (scanners fetch them). */
function ButtonPage({
  language,
  hubUrl,
  path,
  title,
  text,
  button,
}: {
  language: PageLanguage;
  hubUrl: string;
  path: string;
  title: string;
  text: string;
  button: string;
}) {
  return (
    <Layout frame={{ language, title, path, hubUrl }}>
      <h1>{title}</h1>
      <p>{text}</p>
      <form method="post" action={withLanguage(path, language.ui.tag)}>
        <button type="submit">{button}</button>
      </form>
    </Layout>
  );
}

/** `/alerts/confirm/<token>`: the button that confirms, then the confirmation with the feed and the unsubscribe link. */
export function ConfirmPage(props: {
  language: PageLanguage;
  hubUrl: string;
  token: string;
  confirmed?: { name: string; feedUrl: string; unsubscribeUrl: string };
}) {
  const { language, hubUrl, token, confirmed } = props;
  const { t } = language;
  const path = `/alerts/confirm/${token}`;
  if (!confirmed)
    return (
      <ButtonPage
        language={language}
        hubUrl={hubUrl}
        path={path}
        title={t("alertsConfirmTitle")}
        text={t("alertsConfirmText")}
        button={t("alertsConfirmButton")}
      />
    );
  return (
    <Layout frame={{ language, title: t("alertsConfirmedTitle"), path, hubUrl }}>
      <h1>{t("alertsConfirmedTitle")}</h1>
      <p>{t("alertsConfirmedText", { name: confirmed.name })}</p>
      <ul>
        <li>
          <a href={confirmed.feedUrl} type="application/atom+xml">
            {t("alertsFeedLink")}
          </a>
          : <code>{confirmed.feedUrl}</code>
        </li>
        <li>
          <a href={withLanguage(new URL(confirmed.unsubscribeUrl).pathname, language.ui.tag)}>{t("alertsUnsubscribeLink")}</a>
        </li>
      </ul>
      <p>{t("alertsFeedPrivate")}</p>
    </Layout>
  );
}

/** `/alerts/unsubscribe/<token>`: the button that unsubscribes, then the receipt. */
export function UnsubscribePage({ language, hubUrl, token, done }: { language: PageLanguage; hubUrl: string; token: string; done: boolean }) {
  const { t } = language;
  const path = `/alerts/unsubscribe/${token}`;
  if (!done)
    return (
      <ButtonPage
        language={language}
        hubUrl={hubUrl}
        path={path}
        title={t("alertsUnsubscribeTitle")}
        text={t("alertsUnsubscribeText")}
        button={t("alertsUnsubscribeButton")}
      />
    );
  return (
    <Layout frame={{ language, title: t("alertsUnsubscribedTitle"), path, hubUrl }}>
      <h1>{t("alertsUnsubscribedTitle")}</h1>
      <p>{t("alertsUnsubscribedText")}</p>
    </Layout>
  );
}
