import ExcelJS from 'exceljs';
import { ApiRole } from '../../src/core/auth/api-role';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { keyFor } from '../live/live-helpers';
import { midnight, seedReviewFixture } from './review-fixture';

const OCTOBER = { from: midnight('2026-10-01'), to: midnight('2026-11-01') };
const RANKING = /* GraphQL */ `
  query($from: DateTime!, $to: DateTime!, $street: String) {
    hubRanking(by: FOOTFALL, from: $from, to: $to, street: $street, first: 100) {
      rank exactValue previousValue change changeShare districtRank streetRank hub { name code street }
    }
    coldHubs(from: $from, to: $to) { hub { name } footfall facilities { facility { name } fillRate } }
    activityStats(from: $from, to: $to, groupBy: ORGANIZATION) { name held cancelled placesOffered booked fillRate }
  }
`;

describeEachDriver('the review reports: xlsx and csv', (driver) => {
  let t: TestHub;
  let key: string;
  const reportUrl = (file: string, params: Record<string, string>) => `${t.url.replace(/\/graphql$/, '')}/reports/${file}?${new URLSearchParams(params)}`;
  const download = (file: string, params: Record<string, string>, headers: Record<string, string> = { authorization: `Bearer ${key}` }) => fetch(reportUrl(file, params), { headers });

  beforeAll(async () => {
    t = await startTestHub({ driver, seed: false });
    await seedReviewFixture(t.hub);
    key = await keyFor(t.hub, ApiRole.SCREEN);
  });
  afterAll(() => t?.close());

  it('streams a workbook whose sheets read back with the values the queries give, Chinese headers frozen', async () => {
    const response = await download('review.xlsx', OCTOBER);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain('绩效考评_2026-10-01_2026-10-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['排名', '冷点综合体', '活动统计（社会组织）', '活动统计（类别）']);
    const { data } = await t.query(RANKING, OCTOBER, { authorization: `Bearer ${key}` });

    const ranking = workbook.getWorksheet('排名')!;
    expect(ranking.getRow(1).values).toEqual([undefined, '排名', '综合体', '编码', '街道', '本期客流（人次）', '上期', '变化', '变化率', '区内排名', '街道内排名']);
    expect(ranking.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ranking.rowCount).toBe(1 + data.hubRanking.length);
    data.hubRanking.forEach((r: any, i: number) => {
      expect(ranking.getRow(i + 2).values).toEqual([undefined, r.rank, r.hub.name, r.hub.code, r.hub.street, r.exactValue, r.previousValue, r.change, r.changeShare ?? undefined, r.districtRank, r.streetRank]);
    });
    expect(ranking.getCell('H2').numFmt).toBe('+0.0%;-0.0%;0.0%');
    expect(ranking.getCell('E2').numFmt).toBe('#,##0.##');
    const rules = (ranking as any).conditionalFormattings.flatMap((cf: any) => cf.rules.map((rule: any) => `${cf.ref} ${rule.type}`));
    expect(rules).toEqual(expect.arrayContaining(['E2:E6 dataBar', 'G2:G6 cellIs', 'H2:H6 cellIs']));

    const cold = workbook.getWorksheet('冷点综合体')!;
    expect(cold.getRow(1).getCell(1).value).toBe('综合体');
    expect(cold.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const coldFacilities = data.coldHubs.flatMap((c: any) => c.facilities.map((f: any) => [c.hub.name, c.footfall, f.facility.name, f.fillRate ?? undefined]));
    expect(coldFacilities.length).toBeGreaterThan(0);
    coldFacilities.forEach((expected: unknown[], i: number) => {
      const row = cold.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(3).value, row.getCell(8).value, row.getCell(14).value ?? undefined]).toEqual(expected);
    });

    const stats = workbook.getWorksheet('活动统计（社会组织）')!;
    expect(stats.getRow(1).values).toEqual([undefined, '社会组织', '举办场次', '取消场次', '提供名额', '已预约', '满员率']);
    data.activityStats.forEach((s: any, i: number) => {
      expect(stats.getRow(i + 2).values).toEqual([undefined, s.name, s.held, s.cancelled, s.placesOffered, s.booked, s.fillRate ?? undefined]);
    });
    expect(stats.getCell('F2').numFmt).toBe('0.0%');
  });

  it('gives the ranking as CSV: a BOM, then the Chinese header, then the rows of the query', async () => {
    const response = await download('review.csv', { ...OCTOBER, street: '北山街道' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3, 9)).toEqual(Buffer.from('排名', 'utf8'));
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('排名,综合体,编码,街道,本期客流（人次）,上期,变化,变化率,区内排名,街道内排名');
    const { data } = await t.query(RANKING, { ...OCTOBER, street: '北山街道' }, { authorization: `Bearer ${key}` });
    expect(lines.slice(1, -1)).toEqual(
      data.hubRanking.map((r: any) => [r.rank, r.hub.name, r.hub.code, r.hub.street, r.exactValue, r.previousValue, r.change, r.changeShare ?? '', r.districtRank, r.streetRank].join(',')),
    );
    expect(lines.at(-1)).toBe('');
  });

  it('refuses a caller without a key (401), a key in the address, other roles (403) and a period that is not midnights (400)', async () => {
    const none = await download('review.xlsx', OCTOBER, {});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await download('review.csv', { ...OCTOBER, key }, {})).status).toBe(401);
    expect((await download('review.csv', OCTOBER, { authorization: 'Bearer not-a-key' })).status).toBe(401);
    const terminal = await download('review.csv', OCTOBER, { authorization: `Bearer ${await keyFor(t.hub, ApiRole.DEPARTMENT, { department: 'iot' })}` });
    expect(terminal.status).toBe(403);
    const admin = await download('review.csv', OCTOBER, { authorization: `Bearer ${await keyFor(t.hub, ApiRole.ADMIN)}` });
    expect(admin.status).toBe(200);
    const bad = await download('review.xlsx', { from: '2026-10-01T00:00:00Z', to: OCTOBER.to });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
    const missing = await download('review.csv', { from: OCTOBER.from });
    expect(await missing.json()).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
  });
});
