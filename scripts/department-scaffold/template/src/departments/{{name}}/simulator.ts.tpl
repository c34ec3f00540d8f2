import type { SimulationContext } from '../../core/departments/simulation';
import { localHourOf } from '../../core/time/local-time';
import { {{Name}}Record } from './records/{{name}}-record.entity';

/** Records a hub gets per hour in office hours, 08:00–18:00 local. */
const PER_HOUR = 0.5;

/** Demo (SIMULATOR=on): what the {{title}}'s system would append since the last tick. */
export async function simulate{{Name}}({ source, now, elapsedMs, hubs, random }: SimulationContext): Promise<number> {
  const hour = localHourOf(now);
  if (hour < 8 || hour >= 18) return 0;
  const rows: Omit<{{Name}}Record, 'id'>[] = [];
  for (const hub of hubs) {
    if (random() >= (PER_HOUR * elapsedMs) / 3_600_000) continue;
    rows.push({ hubId: hub.id, recordedAt: new Date(Math.floor(now.getTime() / 1000) * 1000), quantity: 1 + Math.floor(random() * 3), note: '模拟记录' });
  }
  if (rows.length > 0) await source.getRepository({{Name}}Record).insert(rows);
  return rows.length;
}
