import type { MigrationInterface, QueryRunner } from "typeorm";

/** A migration class, as a subgraph definition lists them. */
export type MigrationClass = new () => MigrationInterface;

/** What `defineMigration` builds a migration from. */
export interface MigrationSteps {
  /** Class name without the timestamp, e.g. `AddEventSearch`. */
  name: string;
  /** Milliseconds since the epoch, 13 digits: TypeORM reads the last 13 characters of the name as the timestamp. */
  timestamp: number;
  up: (runner: QueryRunner) => Promise<void>;
  down: (runner: QueryRunner) => Promise<void>;
}

const MIGRATION_NAME = /^[A-Z][A-Za-z0-9]*[A-Za-z]$/;

/**
 * A migration class recorded as `<name><timestamp>`. TypeORM knows a migration by that name alone, so a
 * recipe shared by several subgraphs keeps, in each, the name it first shipped under and never runs twice.
 */
export function defineMigration(steps: MigrationSteps): MigrationClass {
  if (!MIGRATION_NAME.test(steps.name)) throw new Error(`Migration name "${steps.name}" must be PascalCase letters and digits, ending in a letter`);
  if (!Number.isSafeInteger(steps.timestamp) || String(steps.timestamp).length !== 13) {
    throw new Error(`Migration ${steps.name}: the timestamp must be 13 digits (milliseconds since the epoch), not ${steps.timestamp}`);
  }
  const name = `${steps.name}${steps.timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    up(runner: QueryRunner): Promise<void> {
      return steps.up(runner);
    }

    down(runner: QueryRunner): Promise<void> {
      return steps.down(runner);
    }
  };
  // Named as a hand-written migration class would be, for stack traces and logs.
  Object.defineProperty(migration, "name", { value: name });
  return migration;
}
