import type { ChangeDocument } from "@agora-hub/subgraph-kit";
import { readAlertsSettings } from "../alerts.config";
import { alertsMessage } from "../delivery/alert-mail.messages";
import { ANY_TERM, documentTerms, normalisedWords, searchClauses } from "../matching/matching.terms";
import { AlertKind } from "../saved-search/saved-search.type";

const document = (terms: ChangeDocument["terms"], text = ""): ChangeDocument => ({
  terms,
  text,
  title: { originalLanguage: "en", translations: [{ lang: "en", value: "t", machineTranslated: false }] },
  summary: null,
  deadline: null,
  path: "/opportunities/x",
});

/** Whether a search's clauses all hold for a record, as the matching statement decides. */
const matches = (criteria: Parameters<typeof searchClauses>[0], record: ChangeDocument) => {
  const terms = new Set(documentTerms(record));
  const { clauses, anchors } = searchClauses(criteria);
  return anchors.some((anchor) => terms.has(anchor)) && clauses.every((clause) => clause.some((term) => terms.has(term)));
};

describe("matching terms", () => {
  it("normalises words as a person types them: case, accents and punctuation ignored, one-letter words dropped", () => {
    expect(normalisedWords("Résidence d'ARTISTES — Tunis, 2027!")).toEqual(["residence", "artistes", "tunis", "2027"]);
    expect(normalisedWords("إقامة فنية في تونس")).toEqual(["اقامة", "فنية", "في", "تونس"]);
  });

  it("anchors a search on its longest word, else its first list criterion, else every record of its types", () => {
    expect(searchClauses({ types: ["OPPORTUNITY"], query: "dance residency", countries: ["TN"] }).anchors).toEqual(["word:residency"]);
    expect(searchClauses({ types: ["EVENT"], countries: ["TN", "MA"], disciplines: ["MUSIC"] }).anchors).toEqual(["countries:TN", "countries:MA"]);
    expect(searchClauses({ types: ["PERSON"] })).toEqual({ clauses: [], anchors: [ANY_TERM] });
  });

  it("needs every criterion and any value within one; eligibility also matches calls open worldwide", () => {
    const tunisPhoto = document({ countries: ["TN"], disciplines: ["PHOTOGRAPHY", "VISUAL_ARTS_AND_CRAFTS"], eligibleFor: ["*"] }, "Photography residency");
    expect(matches({ types: ["OPPORTUNITY"], countries: ["MA", "TN"], disciplines: ["VISUAL_ARTS_AND_CRAFTS"] }, tunisPhoto)).toBe(true);
    expect(matches({ types: ["OPPORTUNITY"], countries: ["MA"], disciplines: ["VISUAL_ARTS_AND_CRAFTS"] }, tunisPhoto)).toBe(false);
    expect(matches({ types: ["OPPORTUNITY"], query: "residency photography" }, tunisPhoto)).toBe(true);
    expect(matches({ types: ["OPPORTUNITY"], query: "residency music" }, tunisPhoto)).toBe(false);
    expect(matches({ types: ["OPPORTUNITY"], eligibleFor: "DZ" }, tunisPhoto)).toBe(true);
    expect(matches({ types: ["OPPORTUNITY"], eligibleFor: "DZ" }, document({ eligibleFor: ["TN"] }))).toBe(false);
    expect(matches({ types: ["OPPORTUNITY"] }, document({}))).toBe(true);
  });
});

describe("alert messages", () => {
  it("escapes what networks wrote in the HTML and keeps it as written in the text", () => {
    const message = alertsMessage(
      "fr",
      "Appels <b>",
      [
        {
          kind: AlertKind.NEW,
          title: { originalLanguage: "fr", translations: [{ lang: "fr", value: `<script>alert(1)</script> & "résidence"`, machineTranslated: false }] },
          url: "https://hub.example/opportunities/1",
          deadline: new Date("2027-03-01T00:00:00Z"),
        },
      ],
      { feedUrl: "https://hub.example/alerts/feeds/f.atom", unsubscribeUrl: "https://hub.example/alerts/unsubscribe/u" },
      { digest: false },
    );
    expect(message.subject).toBe(`Nouveau : <script>alert(1)</script> & "résidence"`);
    expect(message.html).not.toContain("<script>");
    expect(message.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;résidence&quot;");
    expect(message.html).toContain("Appels &lt;b&gt;");
    expect(message.text).toContain("Date limite : 1 mars 2027".replace(" :", ":"));
    expect(message.text).toContain("Se désabonner: https://hub.example/alerts/unsubscribe/u");
  });

  it("writes Arabic messages right to left and falls back to English for a language it has no words for", () => {
    const links = { feedUrl: "f", unsubscribeUrl: "u" };
    const alert = {
      kind: AlertKind.CLOSING_SOON,
      title: { originalLanguage: "en", translations: [{ lang: "en", value: "Call", machineTranslated: false }] },
      url: "x",
      deadline: null,
    };
    expect(alertsMessage("ar", "بحث", [alert], links, { digest: false }).html).toContain('dir="rtl"');
    expect(alertsMessage("sw", "Search", [alert], links, { digest: false }).subject).toBe("Closing soon: Call");
  });
});

describe("alerts settings", () => {
  it("follows every record subgraph's feed by default, none or some when told, and names a bad variable", () => {
    expect(readAlertsSettings({}).sources).toEqual(["people", "organisations", "opportunities", "events", "resources"]);
    expect(readAlertsSettings({ ALERT_SOURCES: "none" }).sources).toEqual([]);
    expect(readAlertsSettings({ ALERT_SOURCES: "events, opportunities" }).sources).toEqual(["events", "opportunities"]);
    expect(() => readAlertsSettings({ ALERT_SOURCES: "search" })).toThrow(/ALERT_SOURCES/);
    expect(() => readAlertsSettings({ SMTP_URL: "http://mail.example" })).toThrow(/SMTP_URL/);
    expect(readAlertsSettings({}).smtpUrl).toBeNull();
  });
});
