import { Column, Entity, PrimaryColumn } from "typeorm";

/** Join row: a person (owned by the people subgraph) speaks or performs at an event. */
@Entity("event_speaker")
export class EventSpeaker {
  @PrimaryColumn("uuid")
  eventId!: string;

  @PrimaryColumn("uuid")
  personId!: string;

  /** Order in which the speakers were given, as on a programme. */
  @Column("smallint")
  position!: number;
}
