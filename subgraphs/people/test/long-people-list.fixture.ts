import type { DataSource } from "typeorm";

/**
 * Inserts `count` discoverable dancers ("Dancer 1" …) of rows about 1.6 kB each (a long city), so that a sample
 * spans several blocks of the table as it would at scale; one in ten open to touring. `varied`: half in TN and
 * half in FR (alternating) and one in four also a musician; otherwise all in TN, dancers only. Then ANALYZE.
 */
export async function insertLongPeopleList(dataSource: DataSource, count: number, options: { varied: boolean }): Promise<void> {
  const disciplines = options.varied ? "CASE WHEN i % 4 = 0 THEN ARRAY['DANCE', 'MUSIC'] ELSE ARRAY['DANCE'] END" : "ARRAY['DANCE']";
  const country = options.varied ? "CASE WHEN i % 2 = 0 THEN 'TN' ELSE 'FR' END" : "'TN'";
  await dataSource.query(
    `INSERT INTO person (network, display_name, disciplines, country, city, open_to, discoverable)
     SELECT 'creative-tracks', 'Dancer ' || i, ${disciplines}, ${country},
            (SELECT string_agg(md5(i::text || '-' || n), '') FROM generate_series(1, 50) AS n),
            CASE WHEN i % 10 = 0 THEN ARRAY['TOURING'] ELSE ARRAY[]::text[] END,
            true
       FROM generate_series(1, $1::int) AS i`,
    [count],
  );
  await dataSource.query("ANALYZE person");
}
