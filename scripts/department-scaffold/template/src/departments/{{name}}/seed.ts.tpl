import { insertInBatches } from '../../core/seeding/insert-in-batches';
import { intBetween } from '../../core/seeding/seeded-random';
import type { SeedContext } from '../../core/seeding/seed-context';
import { addDays, startOfLocalDay } from '../../core/time/local-time';
import { {{Name}}Record } from './records/{{name}}-record.entity';

/** A few records on about half of the hubs, yesterday and today until now; nothing when run again. */
export async function seed{{Name}}({ source, district, now, random, progress }: SeedContext): Promise<void> {
  if ((await source.getRepository({{Name}}Record).count()) > 0) return;
  const rows: Omit<{{Name}}Record, 'id'>[] = [];
  const yesterday = startOfLocalDay(addDays(now, -1));
  for (const hub of district.hubs) {
    if (random() < 0.5) continue;
    for (let i = intBetween(random, 1, 4); i > 0; i--) {
      const at = new Date(yesterday.getTime() + Math.floor(random() * (now.getTime() - yesterday.getTime())));
      rows.push({ hubId: hub.id, recordedAt: new Date(Math.floor(at.getTime() / 1000) * 1000), quantity: intBetween(random, 1, 5), note: `${hub.name} 演示记录` });
    }
  }
  rows.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  await insertInBatches(source, {{Name}}Record, rows, (done) => progress('{{name}} records', done, rows.length));
}
