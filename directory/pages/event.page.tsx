import type { Child } from "hono/jsx";
import type { PageLanguage } from "../i18n/negotiate";
import { Layout } from "./layout";
import { countryName, detailHref, Fact, formatDate, label, LinkedData, term } from "./parts";

/** An event's page with its organisers and where to register, in one operation. */
export const EVENT_OPERATION = /* GraphQL */ `
  query DirectoryEvent($id: ID!) {
    event(id: $id) {
      id format title { text } description { text } startsAt endsAt timeZone attendanceMode
      venue { name city country } onlineUrl registrationUrl disciplines network jsonLd
      organisers { id name }
    }
  }
`;

export interface EventData {
  id: string;
  format: string;
  title: { text: string };
  description: { text: string } | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  attendanceMode: string;
  venue: { name: string; city: string; country: string } | null;
  onlineUrl: string | null;
  registrationUrl: string | null;
  disciplines: string[];
  network: string;
  jsonLd: unknown;
  organisers: Array<{ id: string; name: string } | null>;
}

/** A feed's `webcal:` address, which calendar apps open as a subscription (the scheme stands for the hub's http or https). */
function webcalUrl(hubUrl: string, path: string): string {
  return new URL(path, hubUrl).toString().replace(/^https?:/, "webcal:");
}

export function EventPage({
  event,
  language,
  hubUrl,
  partner,
  report,
}: {
  event: EventData;
  language: PageLanguage;
  hubUrl: string;
  partner?: Child;
  report?: Child;
}) {
  const { t } = language;
  const organisers = event.organisers.filter((organiser): organiser is { id: string; name: string } => organiser !== null);
  return (
    <Layout frame={{ language, title: event.title.text, path: `/events/${event.id}`, hubUrl, jsonLd: event.jsonLd }}>
      <article class="detail">
        <p class="hit-type">
          {t("kindEVENT")} · {term(event.format, language)}
        </p>
        <h1>{event.title.text}</h1>
        <dl class="facts-list">
          <Fact term={t("startsAt")}>{formatDate(event.startsAt, language, event.timeZone)}</Fact>
          <Fact term={t("endsAt")}>{formatDate(event.endsAt, language, event.timeZone)}</Fact>
          <Fact term={t("venue")}>{event.venue && `${event.venue.name}, ${event.venue.city}, ${countryName(event.venue.country, language)}`}</Fact>
          <Fact term={t("online")}>{event.onlineUrl && <a href={event.onlineUrl}>{event.onlineUrl}</a>}</Fact>
          <Fact term={t("disciplines")}>{event.disciplines.map(label).join(", ")}</Fact>
          <Fact term={t("organisers")}>
            {organisers.map((organiser, index) => (
              <>
                {index > 0 && ", "}
                <a href={detailHref("Organisation", organiser.id, language)}>{organiser.name}</a>
              </>
            ))}
          </Fact>
          <Fact term={t("network")}>{event.network}</Fact>
        </dl>
        {event.description && <p>{event.description.text}</p>}
        {event.registrationUrl && (
          <p>
            <a class="button" href={event.registrationUrl} rel="external">
              {t("register")}
            </a>
          </p>
        )}
        <ul class="calendar-links">
          <li>
            <a href={`/events/${encodeURIComponent(event.id)}.ics?lang=${language.ui.tag}`} type="text/calendar" rel="nofollow">
              {t("addToCalendar")}
            </a>
          </li>
          <li>
            <a href={`/feeds/events.ics?lang=${language.ui.tag}`} type="text/calendar">
              {t("subscribeEvents")}
            </a>
          </li>
          <li>
            <a href={webcalUrl(hubUrl, `/feeds/events.ics?lang=${language.ui.tag}`)}>{t("subscribeEventsWebcal")}</a>
          </li>
        </ul>
        {partner}
        {report}
        <LinkedData typename="Event" id={event.id} language={language} />
      </article>
    </Layout>
  );
}
