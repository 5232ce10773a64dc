import { Column, Entity, PrimaryColumn } from "typeorm";

/** Join row: an organisation (owned by the organisations subgraph) organises an event. */
@Entity("event_organiser")
export class EventOrganiser {
  @PrimaryColumn("uuid")
  eventId!: string;

  @PrimaryColumn("uuid")
  organisationId!: string;

  /** Order in which the organisers were given; the first is the main organiser. */
  @Column("smallint")
  position!: number;
}
