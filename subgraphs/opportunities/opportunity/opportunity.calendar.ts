import { publishedOnly } from "@agora-hub/subgraph-kit";
import { entityUrl } from "../../../domain/open-formats/json-ld";
import { createHubCalendar } from "../../../domain/open-formats/calendar";
import { calendarUid } from "../../../domain/open-formats/calendar";
import { MAX_CALENDAR_ENTRIES } from "../../../domain/open-formats/calendar";
import type { OpportunityDeadlinesCalendarArgs } from "./opportunity.args";
import { Opportunity } from "./opportunity.entity";
import { applyFilter, type OpportunitiesContext } from "./opportunity.service";

/**
 * The deadlines of the opportunities matching a filter as an iCalendar feed (RFC 5545): one timed entry
 * per deadline, at its exact instant (UTC), with the application URL; earliest first, at most
 * `MAX_CALENDAR_ENTRIES`. Rolling calls without a deadline are left out.
 */
export async function opportunityDeadlinesCalendar(context: OpportunitiesContext, args: OpportunityDeadlinesCalendarArgs): Promise<string> {
  const filter = args.filter ?? {};
  const query = applyFilter(context.dataSource.getRepository(Opportunity).createQueryBuilder("opportunity"), filter)
    .andWhere(publishedOnly("opportunity"))
    .andWhere("opportunity.deadline IS NOT NULL");
  if (!filter.statuses?.length && (filter.closingWithinDays === undefined || filter.closingWithinDays === null)) {
    query.andWhere("opportunity.deadline >= now()");
  }
  const opportunities = await query.orderBy("opportunity.deadline", "ASC").addOrderBy("opportunity.id", "ASC").take(MAX_CALENDAR_ENTRIES).getMany();

  const languages = args.lang ? [args.lang] : context.languages;
  const calendar = createHubCalendar(context.hubUrl, "Agora Hub deadlines", "Application deadlines of opportunities for the creative sector, from Agora Hub");
  for (const opportunity of opportunities) {
    const deadline = opportunity.deadline as Date;
    const summary = opportunity.summary?.pick(languages).value;
    calendar.createEvent({
      id: calendarUid(context.hubUrl, "opportunity-deadline", opportunity.id),
      start: deadline,
      stamp: opportunity.updatedAt,
      created: opportunity.createdAt,
      lastModified: opportunity.updatedAt,
      summary: `Deadline: ${opportunity.title.pick(languages).value}`,
      description: [summary, opportunity.applicationUrl && `Apply: ${opportunity.applicationUrl}`].filter(Boolean).join("\n\n"),
      url: opportunity.applicationUrl ?? entityUrl(context.hubUrl, "opportunities", opportunity.id),
      categories: [{ name: opportunity.type }],
    });
  }
  return calendar.toString();
}
