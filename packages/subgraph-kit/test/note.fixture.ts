import { Column, CreateDateColumn, Entity, type MigrationInterface, PrimaryGeneratedColumn, type QueryRunner, type DataSource } from "typeorm";
import { openSubgraphDatabase, QueryCounter } from "@agora-hub/runtime";
import { createTestDatabase, type TestDatabase } from "../src/testing";

/*
 * A tiny entity for the tests of the kit's data mechanisms: a note, maybe under a parent note, with a
 * title to order by, tags (an array), a rank (int8), free data (jsonb) and a creation time.
 */

@Entity("note")
export class Note {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column("uuid", { nullable: true })
  parentId!: string | null;

  @Column("text")
  title!: string;

  @Column("text", { array: true })
  tags!: string[];

  @Column("int8")
  rank!: string;

  @Column("jsonb", { nullable: true })
  data!: unknown;

  @CreateDateColumn({ type: "timestamptz", precision: 3 })
  createdAt!: Date;
}

export class CreateNote1700000000000 implements MigrationInterface {
  name = "CreateNote1700000000000";

  async up(runner: QueryRunner): Promise<void> {
    // Milliseconds only, like JavaScript dates, so a cursor's created_at compares equal to its row's.
    await runner.query(`
      CREATE TABLE note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid,
        title text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        rank int8 NOT NULL DEFAULT 0,
        data jsonb,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DROP TABLE note");
  }
}

/** The note table on a fresh database, with a counter of the SQL statements sent. */
export interface NoteDatabase {
  dataSource: DataSource;
  queries: QueryCounter;
  /** Writes notes straight to the table; fields left out take the column defaults. */
  insert: (notes: Array<Partial<Note> & { title: string }>) => Promise<Note[]>;
  close: () => Promise<void>;
}

/** Opens the note table in a database of its own, for one test file. */
export async function openNoteDatabase(): Promise<NoteDatabase> {
  const database: TestDatabase = await createTestDatabase();
  const queries = new QueryCounter();
  const dataSource = await openSubgraphDatabase({
    url: database.url,
    schema: "kit_notes",
    entities: [Note],
    migrations: [CreateNote1700000000000],
    poolSize: 2,
    logger: queries,
  });
  return {
    dataSource,
    queries,
    insert: async (notes) => {
      const repository = dataSource.getRepository(Note);
      return repository.save(notes.map((note) => repository.create({ tags: [], rank: "0", data: null, parentId: null, ...note })));
    },
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
