import { Column, Entity, PrimaryColumn } from "typeorm";

/*
 * Join rows from a resource to records owned by other subgraphs, each in the order given. No foreign key:
 * the other end lives elsewhere; the rows go with their resource (ON DELETE CASCADE).
 */

/** Join row: a person (owned by the people subgraph) wrote the resource. */
@Entity("resource_author")
export class ResourceAuthor {
  @PrimaryColumn("uuid")
  resourceId!: string;

  @PrimaryColumn("uuid")
  personId!: string;

  /** Place in the list of authors, as on a title page. */
  @Column("smallint")
  position!: number;
}

/** Join row: an organisation (owned by the organisations subgraph) published the resource. */
@Entity("resource_publisher")
export class ResourcePublisher {
  @PrimaryColumn("uuid")
  resourceId!: string;

  @PrimaryColumn("uuid")
  organisationId!: string;

  @Column("smallint")
  position!: number;
}

/** Join row: an organisation the resource is about or came out of (a partner, a case). */
@Entity("resource_organisation")
export class ResourceOrganisation {
  @PrimaryColumn("uuid")
  resourceId!: string;

  @PrimaryColumn("uuid")
  organisationId!: string;

  @Column("smallint")
  position!: number;
}

/** Join row: an opportunity (owned by the opportunities subgraph) the resource relates to, e.g. the call a project report came out of. */
@Entity("resource_opportunity")
export class ResourceOpportunity {
  @PrimaryColumn("uuid")
  resourceId!: string;

  @PrimaryColumn("uuid")
  opportunityId!: string;

  @Column("smallint")
  position!: number;
}

/** Join row: an event (owned by the events subgraph) the resource relates to, e.g. the training it belongs to. */
@Entity("resource_event")
export class ResourceEvent {
  @PrimaryColumn("uuid")
  resourceId!: string;

  @PrimaryColumn("uuid")
  eventId!: string;

  @Column("smallint")
  position!: number;
}
