import express, { type Request, type Response, type Router } from "express";
import type { GraphQLFormattedError } from "graphql";
import { logger } from "@agora-hub/runtime";
import type { DirectoryOptions } from "../directory-options";
import type { MessageKey } from "../i18n/messages";
import { negotiateLanguage, type PageLanguage } from "../i18n/negotiate";
import { LIST_DEFINITIONS } from "../lists/list-definitions";
import { ListParameterError, readCriteria } from "../lists/list-parameters";
import { fromAnotherSite, MessagePage, sendPage } from "../pages/responses";
import { alertCriteria, followedCriteria } from "./alert-criteria";
import { atomFeed, FEED_OPERATION, type SavedSearchFeedData } from "./alerts-feed";
import { ALERT_FREQUENCIES, alertName, ConfirmPage, type SubscribeDraft, SubscribePage, UnsubscribePage } from "./alerts.page";

/** The tokens of the alert links: 32 random bytes in base64url, as the alerts subgraph makes them. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const SEARCH_MAX_LENGTH = 200;

/** Where a link's answer page sits (its language switcher's target): the link's own page, or home for a malformed one. */
const linkPath = (kind: "confirm" | "unsubscribe", token: string) => (TOKEN_PATTERN.test(token) ? `/alerts/${kind}/${token}` : "/");

const SUBSCRIBE_OPERATION = "mutation DirectoryAlertSubscribe($input: SubscribeToAlertsInput!) { subscribeToAlerts(input: $input) }";
const CONFIRM_OPERATION = "mutation DirectoryAlertConfirm($token: String!) { confirmAlertSubscription(token: $token) { name feedUrl unsubscribeUrl } }";
const UNSUBSCRIBE_OPERATION = "mutation DirectoryAlertUnsubscribe($token: String!) { unsubscribeAlerts(token: $token) }";

/** The forms' bodies, read whole (a few fields; 16 kB is far beyond any) and parsed as a browser or a mail provider sends them. */
const formBody = express.raw({ type: () => true, limit: "16kb" });

/**
 * A POST's form fields: urlencoded (browsers' forms) or multipart (which RFC 8058 recommends for one-click
 * unsubscribes), parsed by the platform's own FormData; anything else is an empty form. A body too large or
 * malformed is its status instead.
 */
async function readForm(req: Request, res: Response): Promise<{ fields: Record<string, string[]> } | { status: number }> {
  const refused = await new Promise<number | null>((resolve) =>
    formBody(req, res, (error?: unknown) => resolve(error ? Number((error as { status?: unknown }).status) || 400 : null)),
  );
  if (refused) return { status: refused };
  const type = req.header("content-type") ?? "";
  const fields: Record<string, string[]> = {};
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type) || !Buffer.isBuffer(req.body)) return { fields };
  let form: FormData;
  try {
    form = await new Request("http://form.invalid/", { method: "POST", headers: { "content-type": type }, body: req.body }).formData();
  } catch {
    return { status: 400 };
  }
  for (const [name, value] of form) if (typeof value === "string") (fields[name] ??= []).push(value);
  return { fields };
}

/** The first error's code and its field's last segment (`input.email` → `email`), with the violation's own words. */
function firstError(errors: readonly GraphQLFormattedError[] | undefined): { code?: unknown; field?: string; reason?: string } {
  const error = errors?.[0];
  if (!error) return {};
  const extensions = (error.extensions ?? {}) as { code?: unknown; field?: unknown; violations?: Array<{ field: string; message: string }> };
  const field = typeof extensions.field === "string" ? extensions.field : undefined;
  const violation = extensions.violations?.find((entry) => entry.field === field);
  return { code: extensions.code, field: field?.split(".").pop(), reason: violation?.message ?? error.message };
}

/**
 * The web side of the alerts: `/alerts/subscribe` (the list pages' "E-mail me new matches" form), the confirmation
 * and unsubscribe links of the alert e-mails (a page with a button; only its POST acts, so mail scanners that
 * fetch links change nothing; RFC 8058 one-click POSTs from mail providers too) and each saved search's Atom feed
 * at `/alerts/feeds/<token>.atom`. Every operation goes through the public API as the anonymous visitor; the
 * subscription with their daily pseudonym, which the alerts subgraph limits per client.
 */
export function alertsRouter(options: DirectoryOptions): Router {
  const router = express.Router();
  const languageOf = (req: Request) => negotiateLanguage(req.query.lang, options.languagesOf(req));
  const request = (req: Request, res: Response, language: PageLanguage) => ({ languages: language.content, requestId: options.requestIdOf(req, res) });
  const message = (res: Response, language: PageLanguage, status: number, path: string, title: MessageKey, text: string) =>
    sendPage(res, status, <MessagePage language={language} hubUrl={options.hubUrl} path={path} title={language.t(title)} text={text} />, language);
  // The links' pages hold a secret: kept out of caches and search engines.
  const privatePage = (res: Response) => {
    res.setHeader("cache-control", "no-store");
    res.setHeader("x-robots-tag", "noindex");
  };

  router.post("/alerts/subscribe", async (req, res, next) => {
    const language = languageOf(req);
    try {
      const form = await readForm(req, res);
      if ("status" in form) {
        await message(res, language, form.status, "/", "alertsSubscribeFailedTitle", language.t(form.status === 413 ? "alertsTooLarge" : "badRequestTitle"));
        return;
      }
      if (fromAnotherSite(req, options.hubUrl)) {
        await message(res, language, 403, "/", "alertsSubscribeFailedTitle", language.t("alertsRefused"));
        return;
      }
      const fields = form.fields;
      const definition = LIST_DEFINITIONS.find((candidate) => candidate.collection === fields.list?.[0]);
      if (!definition) {
        const reason = `must be one of ${LIST_DEFINITIONS.map((candidate) => candidate.collection).join(", ")}`;
        await message(res, language, 400, "/", "badRequestTitle", language.t("badParameter", { param: "list", reason }));
        return;
      }
      let chosen: Map<string, string[]>;
      try {
        chosen = readCriteria(followedCriteria(definition), fields, options.schemaOf());
      } catch (error) {
        if (!(error instanceof ListParameterError)) throw error;
        await message(res, language, 400, "/", "badRequestTitle", language.t("badParameter", { param: error.param, reason: error.reason }));
        return;
      }
      const search = fields.q?.[0]?.trim().slice(0, SEARCH_MAX_LENGTH) || null;
      const draft: SubscribeDraft = { email: (fields.email?.[0] ?? "").trim(), frequency: fields.frequency?.[0] ?? "IMMEDIATE" };
      const outcome = (status: number, shown: { sentTo: string } | { error: string; draft: SubscribeDraft }) =>
        sendPage(
          res,
          status,
          <SubscribePage language={language} hubUrl={options.hubUrl} definition={definition} chosen={chosen} search={search} outcome={shown} />,
          language,
        );
      if (!(ALERT_FREQUENCIES as readonly string[]).includes(draft.frequency)) {
        const reason = `${JSON.stringify(draft.frequency.slice(0, 40))} is not one of ${ALERT_FREQUENCIES.join(", ")}`;
        await outcome(400, { error: language.t("alertsBadField", { field: "frequency", reason }), draft: { ...draft, frequency: "IMMEDIATE" } });
        return;
      }
      const input = {
        email: draft.email,
        name: alertName(definition, chosen, search, language),
        criteria: alertCriteria(definition, chosen, search),
        language: language.ui.tag,
        frequency: draft.frequency,
      };
      const answer = await options.run(SUBSCRIBE_OPERATION, { input }, { ...request(req, res, language), client: options.clientOf?.(req) });
      if (answer.data?.subscribeToAlerts === true) {
        await outcome(200, { sentTo: draft.email });
        return;
      }
      const { code, field, reason } = firstError(answer.errors);
      if (code === "BAD_USER_INPUT") await outcome(400, { error: language.t("alertsBadField", { field: field ?? "input", reason: reason ?? "" }), draft });
      else if (code === "RATE_LIMITED") await outcome(429, { error: language.t("alertsRateLimited"), draft });
      else {
        // SERVICE_UNAVAILABLE: the hub sends no e-mail (SMTP_URL unset), or the alerts subgraph is unreachable.
        if (code !== "SERVICE_UNAVAILABLE") logger.warn({ errors: answer.errors?.slice(0, 3) }, "directory alert subscription failed");
        await outcome(503, { error: language.t("alertsUnavailable"), draft });
      }
    } catch (error) {
      next(error);
    }
  });

  router.get("/alerts/confirm/:token", async (req, res, next) => {
    const language = languageOf(req);
    const token = String(req.params.token);
    try {
      privatePage(res);
      if (!TOKEN_PATTERN.test(token)) await message(res, language, 400, linkPath("confirm", token), "alertsBadLinkTitle", language.t("alertsLinkMalformed"));
      else await sendPage(res, 200, <ConfirmPage language={language} hubUrl={options.hubUrl} token={token} />, language);
    } catch (error) {
      next(error);
    }
  });

  router.post("/alerts/confirm/:token", async (req, res, next) => {
    const language = languageOf(req);
    const token = String(req.params.token);
    try {
      privatePage(res);
      const form = await readForm(req, res);
      if ("status" in form) {
        await message(
          res,
          language,
          form.status,
          linkPath("confirm", token),
          "alertsBadLinkTitle",
          language.t(form.status === 413 ? "alertsTooLarge" : "badRequestTitle"),
        );
        return;
      }
      if (fromAnotherSite(req, options.hubUrl)) {
        await message(res, language, 403, linkPath("confirm", token), "alertsBadLinkTitle", language.t("alertsRefused"));
        return;
      }
      if (!TOKEN_PATTERN.test(token)) {
        await message(res, language, 400, linkPath("confirm", token), "alertsBadLinkTitle", language.t("alertsLinkMalformed"));
        return;
      }
      const answer = await options.run(CONFIRM_OPERATION, { token }, request(req, res, language));
      const confirmed = answer.data?.confirmAlertSubscription as { name: string; feedUrl: string; unsubscribeUrl: string } | null | undefined;
      if (confirmed) {
        await sendPage(res, 200, <ConfirmPage language={language} hubUrl={options.hubUrl} token={token} confirmed={confirmed} />, language);
        return;
      }
      if (firstError(answer.errors).code === "BAD_USER_INPUT") {
        await message(res, language, 400, linkPath("confirm", token), "alertsBadLinkTitle", language.t("alertsConfirmBadToken"));
        return;
      }
      logger.warn({ errors: answer.errors?.slice(0, 3) }, "directory alert confirmation failed");
      await message(res, language, 503, linkPath("confirm", token), "unavailableTitle", language.t("unavailableText"));
    } catch (error) {
      next(error);
    }
  });

  router.get("/alerts/unsubscribe/:token", async (req, res, next) => {
    const language = languageOf(req);
    const token = String(req.params.token);
    try {
      privatePage(res);
      if (!TOKEN_PATTERN.test(token))
        await message(res, language, 400, linkPath("unsubscribe", token), "alertsBadLinkTitle", language.t("alertsLinkMalformed"));
      else await sendPage(res, 200, <UnsubscribePage language={language} hubUrl={options.hubUrl} token={token} done={false} />, language);
    } catch (error) {
      next(error);
    }
  });

  // The page's button, and RFC 8058's one-click POST (`List-Unsubscribe=One-Click`) that mail providers send from their
  // servers: no Origin to check there, and the unguessable token is the whole credential, as the RFC intends.
  router.post("/alerts/unsubscribe/:token", async (req, res, next) => {
    const language = languageOf(req);
    const token = String(req.params.token);
    try {
      privatePage(res);
      const form = await readForm(req, res);
      const oneClick = !("status" in form) && form.fields["List-Unsubscribe"]?.[0] === "One-Click";
      const plain = (status: number, text: string) => void res.status(status).type("text/plain; charset=utf-8").send(`${text}\n`);
      if ("status" in form) {
        await message(
          res,
          language,
          form.status,
          linkPath("unsubscribe", token),
          "alertsBadLinkTitle",
          language.t(form.status === 413 ? "alertsTooLarge" : "badRequestTitle"),
        );
        return;
      }
      if (!oneClick && fromAnotherSite(req, options.hubUrl)) {
        await message(res, language, 403, linkPath("unsubscribe", token), "alertsBadLinkTitle", language.t("alertsRefused"));
        return;
      }
      if (!TOKEN_PATTERN.test(token)) {
        if (oneClick) plain(400, "Not an unsubscribe link of this hub.");
        else await message(res, language, 400, linkPath("unsubscribe", token), "alertsBadLinkTitle", language.t("alertsLinkMalformed"));
        return;
      }
      const answer = await options.run(UNSUBSCRIBE_OPERATION, { token }, request(req, res, language));
      // True, or false when it was gone already: either way nothing more will be sent.
      if (typeof answer.data?.unsubscribeAlerts === "boolean") {
        if (oneClick) plain(200, "Unsubscribed.");
        else await sendPage(res, 200, <UnsubscribePage language={language} hubUrl={options.hubUrl} token={token} done />, language);
        return;
      }
      logger.warn({ errors: answer.errors?.slice(0, 3) }, "directory alert unsubscribe failed");
      if (oneClick) plain(503, "Temporarily unavailable; try again later.");
      else await message(res, language, 503, linkPath("unsubscribe", token), "unavailableTitle", language.t("unavailableText"));
    } catch (error) {
      next(error);
    }
  });

  router.get("/alerts/feeds/:token.atom", async (req, res, next) => {
    const language = languageOf(req);
    const token = String(req.params.token);
    try {
      res.setHeader("x-robots-tag", "noindex");
      res.setHeader("x-content-type-options", "nosniff");
      res.setHeader("vary", "Accept-Language");
      const answer = await options.run(FEED_OPERATION, { token }, request(req, res, language));
      const feed = answer.data?.savedSearchFeed as SavedSearchFeedData | null | undefined;
      if (!feed) {
        const missing = !answer.errors?.length;
        if (!missing) logger.warn({ errors: answer.errors?.slice(0, 3) }, "directory alert feed failed");
        res
          .status(missing ? 404 : 503)
          .type("text/plain; charset=utf-8")
          .send(missing ? "No feed at this address.\n" : "Temporarily unavailable; try again later.\n");
        return;
      }
      const selfUrl = new URL(`/alerts/feeds/${token}.atom`, options.hubUrl).toString();
      // Private (its address is the secret) but fine to keep a few minutes: readers poll.
      res.setHeader("cache-control", "private, max-age=300");
      res
        .status(200)
        .type("application/atom+xml; charset=utf-8")
        .send(atomFeed(feed, { selfUrl, hubUrl: options.hubUrl, language }));
    } catch (error) {
      next(error);
    }
  });

  return router;
}
