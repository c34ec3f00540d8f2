import { element } from '../dom-element';
import { GraphQLHttp, KeyNotForScreensError, KeyRefusedError } from '../graphql-http';
import { HubClock } from '../hub-clock';
import { DistrictMapPanel } from '../panels/district-map-panel';
import { levelOf } from '../screen-level';
import type { ScreenModel } from '../screen-model';
import type { HubMetrics, ScreenHub } from '../screen-types';
import { askForReviewKey, storedReviewKey } from './review-key';
import { midnightOf, PRESETS, type PagePeriod } from './review-period';
import { REVIEW, REVIEW_HUBS } from './review-queries';

interface Rank { rank: number; value: number; exactValue: number; previousValue: number; change: number; changeShare: number | null; districtRank: number; streetRank: number; hub: { id: string; name: string; street: string } }
interface Cold { hub: { id: string; name: string; street: string }; footfall: number; shareOfMedian: number; rule: string; facilities: { facility: { name: string }; footfall: number | null; fillRate: number | null }[] }
interface Stat { key: string; name: string; held: number; cancelled: number; placesOffered: number; booked: number; fillRate: number | null }
interface Review { hubRanking: Rank[]; coldHubs: Cold[]; activityStats: Stat[] }
type PageHub = Omit<ScreenHub, 'live'>;

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const count = (n: number) => Math.round(n).toLocaleString('zh-CN');

/** The change as the bureau reads it: an arrow up or down, and by how much. */
function changeCell(row: Rank): HTMLTableCellElement {
  const cell = element('td', row.change > 0 ? 'up' : row.change < 0 ? 'down' : 'flat');
  cell.textContent = `${row.change > 0 ? '▲' : row.change < 0 ? '▼' : '—'} ${count(Math.abs(row.change))}${row.changeShare === null ? '' : `（${percent(row.changeShare)}）`}`;
  return cell;
}

function table(headers: string[], rows: (string | HTMLTableCellElement)[][], className: string): HTMLTableElement {
  const t = element('table', className);
  const head = element('tr');
  for (const h of headers) head.append(element('th', undefined, h));
  t.append(element('thead'));
  t.tHead!.append(head);
  const body = element('tbody');
  for (const row of rows) {
    const tr = element('tr', 'data-row');
    for (const cell of row) tr.append(typeof cell === 'string' ? element('td', undefined, cell) : cell);
    body.append(tr);
  }
  t.append(body);
  return t;
}

/**
 * The review page (/review): pick a period and a street; the ranking with its change against the
 * previous period, the cold hubs red on the district map (the screen's map), the activity
 * statistics per social organization, and the workbook to download. GraphQL and the report
 * routes only, the key in the Authorization header of each.
 */
export async function startReview(): Promise<void> {
  const key = storedReviewKey();
  if (!key) return askForReviewKey(null);
  const graphqlPath = document.body.dataset.graphql ?? '/graphql';
  const clock = new HubClock();
  const hub = new GraphQLHttp(graphqlPath, key, clock);
  let hubs: PageHub[] = [];
  try {
    hubs = await allHubs(hub);
  } catch (error) {
    if (error instanceof KeyRefusedError) return askForReviewKey('平台不接受此密钥，请重新输入。');
    if (error instanceof KeyNotForScreensError) return askForReviewKey('此密钥无权查看绩效考评（需要 SCREEN 或 ADMIN 密钥）。');
    throw error;
  }

  const page = element('div', 'review-page');
  const header = element('header', 'review-header');
  header.append(element('h1', undefined, '民生综合体绩效考评'));
  const form = element('form', 'review-form');
  const preset = element('select');
  preset.name = 'preset';
  preset.setAttribute('aria-label', '时段');
  for (const p of PRESETS) preset.append(new Option(p.label, p.id));
  preset.append(new Option('自定义', 'custom'));
  const from = element('input');
  from.type = 'date';
  from.name = 'from';
  from.setAttribute('aria-label', '开始日期');
  const to = element('input');
  to.type = 'date';
  to.name = 'to';
  to.setAttribute('aria-label', '结束日期（不含）');
  const street = element('select');
  street.name = 'street';
  street.setAttribute('aria-label', '街道');
  street.append(new Option('全部街道', ''));
  for (const s of [...new Set(hubs.map((h) => h.street))].sort()) street.append(new Option(s, s));
  const show = element('button', undefined, '查询');
  show.type = 'submit';
  const download = element('button', 'download', '下载 Excel');
  download.type = 'button';
  const downloadCsv = element('button', 'download-csv', '下载 CSV');
  downloadCsv.type = 'button';
  const status = element('span', 'review-status');
  status.setAttribute('role', 'status');
  form.append(preset, from, element('span', undefined, '至'), to, street, show, download, downloadCsv, status);
  header.append(form);

  const rankingBox = element('section', 'review-ranking');
  const mapBox = element('section', 'review-map');
  const coldBox = element('section', 'review-cold');
  const statsBox = element('section', 'review-stats');
  const grid = element('main', 'review-grid');
  grid.append(rankingBox, mapBox, coldBox, statsBox);
  page.append(header, grid);
  document.body.append(page);

  // The screen's map: fed footfall over the period for the dot size, and "FULL" (red) for a cold hub.
  const values = new Map<string, { footfall: number; cold: boolean }>();
  const mapModel = {
    hubs: hubs.map((h) => ({ ...h, live: undefined as unknown as HubMetrics })),
    focus: null,
    metricsOf: (id: string) => ({ footfallToday: values.get(id)?.footfall ?? 0, crowdLevel: values.get(id)?.cold ? 'FULL' : 'QUIET' }),
  } as unknown as ScreenModel;
  // The level the page's address names (the whole deployment unless ?district= says otherwise), as on the wall.
  const level = levelOf(new URL(location.href), mapModel.hubs);
  const map = new DistrictMapPanel(mapBox, mapModel, level, 'footfall', {
    title: '冷点分布',
    note: '圆点大小：本期客流 · 红色：冷点综合体（低于区中位数）',
    crowdLegend: false,
  });

  const period = (): PagePeriod => ({ from: from.value, to: to.value });
  const applyPreset = () => {
    const chosen = PRESETS.find((p) => p.id === preset.value);
    if (!chosen) return;
    const p = chosen.period(new Date(clock.now()));
    from.value = p.from;
    to.value = p.to;
  };
  preset.addEventListener('change', () => {
    applyPreset();
    void refresh();
  });
  for (const input of [from, to]) input.addEventListener('change', () => (preset.value = 'custom'));
  applyPreset();

  const variables = () => ({ from: midnightOf(period().from), to: midnightOf(period().to), street: street.value || null });

  async function refresh(): Promise<void> {
    status.textContent = '查询中…';
    try {
      const review = await hub.request<Review>(REVIEW, variables());
      showReview(review);
      status.textContent = `${period().from} 至 ${period().to}（不含）`;
      page.dataset.loaded = `${period().from}/${period().to}/${street.value}`;
    } catch (error) {
      status.textContent = `查询失败：${error instanceof Error ? error.message : String(error)}`;
    }
  }

  function showReview(review: Review): void {
    values.clear();
    const cold = new Set(review.coldHubs.map((c) => c.hub.id));
    for (const r of review.hubRanking) values.set(r.hub.id, { footfall: r.exactValue, cold: cold.has(r.hub.id) });
    map.update();
    rankingBox.replaceChildren(
      element('h2', undefined, '客流排名（与上期比较）'),
      table(
        ['排名', '综合体', '街道', '本期客流', '上期', '变化', '区内', '街道内'],
        review.hubRanking.map((r) => {
          const name = element('td', cold.has(r.hub.id) ? 'is-cold' : undefined, r.hub.name);
          return [String(r.rank), name, r.hub.street, count(r.exactValue), count(r.previousValue), changeCell(r), String(r.districtRank), String(r.streetRank)];
        }),
        'ranking-table',
      ),
    );
    coldBox.replaceChildren(
      element('h2', undefined, `冷点综合体（${review.coldHubs.length}）`),
      review.coldHubs.length === 0
        ? element('p', 'empty', '本期没有冷点综合体。')
        : table(
            ['综合体', '客流', '占中位数', '最冷的场所', '规则'],
            review.coldHubs.map((c) => {
              const coldest = c.facilities[0];
              return [c.hub.name, count(c.footfall), percent(c.shareOfMedian), coldest ? `${coldest.facility.name}（满员率 ${percent(coldest.fillRate)}）` : '—', c.rule];
            }),
            'cold-table',
          ),
    );
    statsBox.replaceChildren(
      element('h2', undefined, '活动统计（社会组织）'),
      table(
        ['社会组织', '举办', '取消', '名额', '已预约', '满员率'],
        review.activityStats.map((s) => [s.name, String(s.held), String(s.cancelled), count(s.placesOffered), count(s.booked), percent(s.fillRate)]),
        'stats-table',
      ),
    );
  }

  /** Fetches a report with the key in the header and saves the answer: the key never goes in an address. */
  async function save(file: 'review.xlsx' | 'review.csv'): Promise<void> {
    const v = variables();
    const query = new URLSearchParams({ from: v.from, to: v.to, ...(v.street ? { street: v.street } : {}) });
    status.textContent = '正在生成报表…';
    const response = await fetch(`/reports/${file}?${query}`, { headers: { authorization: `Bearer ${key}` }, cache: 'no-store' });
    if (!response.ok) {
      status.textContent = `报表生成失败（${response.status}）`;
      return;
    }
    const blob = await response.blob();
    const link = element('a');
    link.href = URL.createObjectURL(blob);
    link.download = `绩效考评_${period().from}_${period().to}${v.street ? `_${v.street}` : ''}.${file.split('.')[1]}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    status.textContent = '报表已下载';
  }
  download.addEventListener('click', () => void save('review.xlsx'));
  downloadCsv.addEventListener('click', () => void save('review.csv'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void refresh();
  });
  await refresh();
}

/** Every hub, a page of 100 at a time. */
async function allHubs(hub: GraphQLHttp): Promise<PageHub[]> {
  const hubs: PageHub[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { hubs: { edges: { node: PageHub }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await hub.request(REVIEW_HUBS, { after });
    hubs.push(...page.hubs.edges.map((e) => e.node));
    if (!page.hubs.pageInfo.hasNextPage) return hubs;
    after = page.hubs.pageInfo.endCursor;
  }
}
