import type { RowDataPacket } from 'mysql2/promise';
import { queryThroughput } from '../query-throughput';
import type { ThroughputScenario } from '../scenario';

/**
 * `{ __typename }`: the request pipeline alone (HTTP, auth, limits, Apollo, execution), against
 * node:http answering one `SELECT 1` from mysql2: the least a database-backed endpoint does.
 */
export const typenameQuery: ThroughputScenario = {
  name: 'typename',
  label: '{ __typename } (vs SELECT 1)',
  query: `{ __typename }`,
  async baseline(pools) {
    await pools.civil.query<RowDataPacket[]>('SELECT 1');
    return { __typename: 'Query' };
  },
};

export const typename = queryThroughput(typenameQuery);
