import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/** How long one chunk may take to send and insert, within a bulk insert's transaction. */
const BULK_TIMEOUT = "120s";

/**
 * Inserts many entities with one `INSERT … SELECT FROM unnest(…)` per chunk: one array parameter
 * per column instead of one per value, which TypeORM's insert builder takes seconds to assemble for
 * tens of thousands of rows. Columns and value transformers come from the entity's metadata; array and
 * jsonb columns travel as jsonb, since unnest would flatten nested arrays. For seeding and imports.
 */
export async function bulkInsert<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: T[], chunkSize = 5000): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  // A chunk is megabytes of parameters: on a busy machine sending it, or inserting it, can outlast the
  // request-sized timeouts of a subgraph's connections. Within the caller's transaction only (SET LOCAL), and
  // still bounded.
  if (manager.queryRunner?.isTransactionActive) {
    await manager.query(`SET LOCAL statement_timeout = '${BULK_TIMEOUT}'`);
    await manager.query(`SET LOCAL idle_in_transaction_session_timeout = '${BULK_TIMEOUT}'`);
  }
  const table = metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    // Columns no row sets (ids, timestamps) are left out so their database defaults apply; rows
    // that leave out a timestamp others set get now().
    const columns = metadata.columns
      .map((column) => ({ column, values: chunk.map((row) => column.getEntityValue(row, true) as unknown) }))
      .filter(({ values }) => values.some((value) => value !== undefined))
      .map(({ column, values }, index) => {
        const asJson = column.isArray || column.type === "jsonb";
        return {
          name: `"${column.databaseName}"`,
          parameter: `$${index + 1}::${asJson ? "jsonb" : manager.connection.driver.normalizeType(column)}[]`,
          select: column.isArray
            ? `ARRAY(SELECT jsonb_array_elements_text(c${index}))`
            : column.isCreateDate || column.isUpdateDate
              ? `COALESCE(c${index}, now())`
              : `c${index}`,
          values: values.map((value) => (asJson && value !== null && value !== undefined ? JSON.stringify(value) : (value ?? null))),
        };
      });
    await manager.query(
      `INSERT INTO ${table} (${columns.map(({ name }) => name).join(", ")})
       SELECT ${columns.map(({ select }) => select).join(", ")}
         FROM unnest(${columns.map(({ parameter }) => parameter).join(", ")}) AS r(${columns.map((_, index) => `c${index}`).join(", ")})`,
      columns.map(({ values }) => values),
    );
  }
}
