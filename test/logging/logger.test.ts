import { createLogger } from '../../src/core/logging/logger';

const KEY = 'xfh_Q2hhbmdlTWVJbkFQcm9kdWN0aW9uQmVmb3JlTGF1bmNo0';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZXNpZGVudC0wMDAxIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

function captured(level: Parameters<typeof createLogger>[0] = 'debug') {
  const lines: string[] = [];
  return { lines, logger: createLogger(level, (line) => lines.push(line)) };
}

describe('the hub logger', () => {
  it('writes one JSON object a line, with the level by name, an ISO time, the message and the fields', () => {
    const { lines, logger } = captured();
    logger.info('feed iot.footfall_reading: this instance runs it now', { feed: 'iot.footfall_reading', rows: 120 });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: 'info', msg: 'feed iot.footfall_reading: this instance runs it now', feed: 'iot.footfall_reading', rows: 120 });
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('leaves out lines below its level', () => {
    const { lines, logger } = captured('warn');
    logger.info('not this');
    logger.debug('nor this');
    logger.warn('this');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['this']);
    const silent = captured('silent');
    silent.logger.error('nothing at all');
    expect(silent.lines).toEqual([]);
  });

  it('redacts credentials, resident refs and health flags in fields, at the top and one level down', () => {
    const { lines, logger } = captured();
    logger.warn('refused', {
      authorization: `Bearer ${KEY}`,
      headers: { authorization: `Bearer ${JWT}`, 'user-agent': 'wechat' },
      residentRef: 'resident-ref-0001',
      booking: { residentRef: 'resident-ref-0002', activityId: 7 },
      flags: ['HYPERTENSION'],
      connectionParams: { authorization: KEY },
      hubId: 12,
    });
    const text = lines.join('\n');
    for (const secret of [KEY, JWT, 'resident-ref-0001', 'resident-ref-0002', 'HYPERTENSION']) expect(text).not.toContain(secret);
    expect(JSON.parse(lines[0])).toMatchObject({ hubId: 12, headers: { authorization: '[redacted]', 'user-agent': 'wechat' }, booking: { activityId: 7 } });
  });

  it('cuts keys, JWTs and bearer credentials out of a message that embedded one by mistake', () => {
    const { lines, logger } = captured();
    logger.error(`request failed with header Bearer ${KEY}; token ${JWT}`);
    const msg = JSON.parse(lines[0]).msg;
    expect(msg).not.toContain(KEY.slice(4));
    expect(msg).not.toContain(JWT.split('.')[1]);
    expect(msg).toBe('request failed with header [redacted]; token [redacted]');
    // A message that only names the scheme is left as it is.
    logger.info('the Authorization header must be "Bearer <key or token>"');
    expect(JSON.parse(lines[1]).msg).toBe('the Authorization header must be "Bearer <key or token>"');
  });
});
