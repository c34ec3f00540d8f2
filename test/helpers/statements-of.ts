/**
 * One request's SQL statements per source, from the `x-sql-statements` header the hub sends
 * outside production (e.g. { civil: 5 }). The hub counts in the request's own async context,
 * so the feeds' and the simulator's statements at the same time are not in it.
 */
export async function statementsOf(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`the query failed: ${JSON.stringify(body.errors)}`);
  const header = response.headers.get('x-sql-statements') ?? '';
  const counts: Record<string, number> = Object.fromEntries(header.split(', ').filter((p) => p.includes('=')).map((p) => [p.split('=')[0], Number(p.split('=')[1])]));
  return { counts, data: body.data };
}
