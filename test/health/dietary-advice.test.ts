import { HUB_SOURCE } from '../../src/config';
import { AuditEntry } from '../../src/core/audit/audit-entry.entity';
import { hashResidentRef } from '../../src/core/audit/audit-log';
import { ApiRole } from '../../src/core/auth/api-role';
import { HealthFlag } from '../../src/departments/health/residents/health-flag';
import { describeEachDriver } from '../helpers/drivers';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { ADMIN_SECRET, bearer, flagResident, HEALTH_ENV, healthSourceOf, hubsByCanteen, issueKey, localDay, residentToken, setMenu, testRef } from './health-fixtures';

const ADVICE = `query($ref: String!) { dietaryAdvice(residentRef: $ref) {
  flags advice recommendedDishes { id name category nutrition { sodiumMg sugarG fatG kcal lowSalt lowSugar lowFat } } } }`;
const { HYPERTENSION: H, DIABETES: D } = HealthFlag;
const HYPERTENSION_ADVICE = '您有高血压病史，饮食应注重低盐、低油';
const DIABETES_ADVICE = '您有糖尿病病史，饮食应注重低糖、控制主食';
const CONDITION_WORDS = /HYPERTENSION|DIABETES|HYPERLIPIDEMIA|高血压|糖尿病|高血脂/;

const MENU_X = ['白米饭', '蒸南瓜', '葱油拌面', '清蒸鲈鱼', '红烧肉', '番茄炒蛋', '清炒时蔬', '麻婆豆腐', '紫菜蛋花汤', '冬瓜排骨汤'];
const MENU_Y = ['小米粥', '白灼虾', '红烧肉'];

describeEachDriver('dietaryAdvice at the canteen terminal', (driver) => {
  let hub: TestHub;
  let hubX: number;
  let hubY: number;
  let terminalX: { id: number; name: string; headers: Record<string, string> };
  let terminalY: Record<string, string>;
  const hypertensive = testRef('adv', 1);
  const twoFlags = testRef('adv', 2);
  const unknown = testRef('adv', 9);

  beforeAll(async () => {
    hub = await startTestHub({ driver, env: HEALTH_ENV });
    [hubX, hubY] = (await hubsByCanteen(hub)).withCanteen;
    const source = healthSourceOf(hub);
    await setMenu(source, hubX, localDay(0), MENU_X);
    await setMenu(source, hubX, localDay(1), ['杂粮饭', '白灼虾']);
    await setMenu(source, hubY, localDay(0), MENU_Y);
    await flagResident(source, hypertensive, [H]);
    await flagResident(source, twoFlags, [D, H]);
    const x = await issueKey(hub, ApiRole.CANTEEN_TERMINAL, { hubId: hubX, name: '翠苑一区食堂终端' });
    terminalX = { id: x.client.id, name: x.client.name, headers: bearer(x.key) };
    terminalY = bearer((await issueKey(hub, ApiRole.CANTEEN_TERMINAL, { hubId: hubY })).key);
  });
  afterAll(() => hub?.close());

  const advise = async (ref: string, headers = terminalX.headers) => {
    const { data, errors } = await hub.query(ADVICE, { ref }, headers);
    expect(errors).toBeUndefined();
    return data.dietaryAdvice;
  };
  const names = (advice: any) => advice.recommendedDishes.map((d: any) => d.name);
  const audit = () => hub.hub.services.sources.get(HUB_SOURCE).getRepository(AuditEntry);

  it('tells a hypertensive diner to eat low-salt and low-oil, and recommends only today’s fitting dishes here', async () => {
    const advice = await advise(hypertensive);
    expect(advice.flags).toEqual([H]);
    expect(advice.advice).toEqual([HYPERTENSION_ADVICE]);
    // Staples, meat, vegetables, soup; 葱油拌面/红烧肉/麻婆豆腐/紫菜蛋花汤 are salty, 番茄炒蛋 oily (11 g fat).
    expect(names(advice)).toEqual(['白米饭', '蒸南瓜', '清蒸鲈鱼', '清炒时蔬', '冬瓜排骨汤']);
    for (const dish of advice.recommendedDishes) {
      expect(dish.nutrition.sodiumMg).toBeLessThanOrEqual(600);
      expect(dish.nutrition).toMatchObject({ lowSalt: true, lowFat: true });
    }
    expect(advice.recommendedDishes.find((d: any) => d.name === '清蒸鲈鱼')).toMatchObject({
      category: '荤菜',
      nutrition: { sodiumMg: 380, sugarG: 0.8, fatG: 5.5, kcal: 170, lowSalt: true, lowSugar: true, lowFat: true },
    });
  });

  it('gives one line per flag and the dishes that suit all of them', async () => {
    const advice = await advise(twoFlags);
    expect(advice.flags).toEqual([H, D]);
    expect(advice.advice).toEqual([HYPERTENSION_ADVICE, DIABETES_ADVICE]);
    expect(names(advice)).toEqual(['白米饭', '清蒸鲈鱼', '清炒时蔬', '冬瓜排骨汤']); // 蒸南瓜 is sweet (6.5 g)
  });

  it('answers an unknown reference like a diner without flags: general advice, the whole menu', async () => {
    const advice = await advise(unknown);
    expect(advice).toMatchObject({ flags: [], advice: ['饮食宜清淡均衡，荤素搭配'] });
    // In serving order: category, then the catalogue's order.
    expect(names(advice)).toEqual(['白米饭', '葱油拌面', '蒸南瓜', '清蒸鲈鱼', '红烧肉', '番茄炒蛋', '麻婆豆腐', '清炒时蔬', '冬瓜排骨汤', '紫菜蛋花汤']);
  });

  it('recommends from the menu of the terminal’s own hub: a resident may dine anywhere', async () => {
    const advice = await advise(hypertensive, terminalY);
    expect(advice.flags).toEqual([H]);
    expect(names(advice)).toEqual(['小米粥', '白灼虾']);
  });

  it('returns no identity: only flags, advice and dishes, never the reference', async () => {
    const { data } = await hub.query(`{ t: __type(name: "DietaryAdvice") { fields { name } } }`);
    expect(data.t.fields.map((f: any) => f.name).sort()).toEqual(['advice', 'flags', 'recommendedDishes']);
    const { data: advice } = await hub.query(ADVICE, { ref: hypertensive }, terminalX.headers);
    expect(JSON.stringify(advice)).not.toContain(hypertensive);
    // What the health source can hold: pseudonymous refs and flags, dishes, menus, meals.
    const columns = healthSourceOf(hub).entityMetadatas.flatMap((e) => e.columns.map((c) => `${e.tableName}.${c.databaseName}`)).sort();
    expect(columns).toEqual([
      'canteen_meal.hub_id', 'canteen_meal.id', 'canteen_meal.resident_ref', 'canteen_meal.served_at',
      'canteen_meal_dish.dish_id', 'canteen_meal_dish.meal_id',
      'canteen_menu_item.dish_id', 'canteen_menu_item.hub_id', 'canteen_menu_item.served_on',
      'dish.category', 'dish.fat_g', 'dish.id', 'dish.kcal', 'dish.name', 'dish.sodium_mg', 'dish.sugar_g',
      'resident_health_flag.flag', 'resident_health_flag.recorded_at', 'resident_health_flag.resident_ref',
    ]);
  });

  it('refuses an ID-card or phone number in place of a pseudonym, without hashing it into the audit log', async () => {
    for (const ref of ['33010619500101123X', '13812345678']) {
      const { data, errors } = await hub.query(ADVICE, { ref }, terminalX.headers);
      expect(data?.dietaryAdvice ?? null).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'residentRef' });
      expect(await audit().countBy({ residentHash: hashResidentRef(ref) })).toBe(0);
    }
    const last = await audit().find({ order: { id: 'DESC' }, take: 1 });
    expect(last[0]).toMatchObject({ action: 'dietaryAdvice.refused', clientId: terminalX.id, residentHash: null });
  });

  it.each([
    ['no credential', 'UNAUTHENTICATED', async () => ({})],
    ['a screen key', 'FORBIDDEN', async () => bearer((await issueKey(hub, ApiRole.SCREEN)).key)],
    ['a department key', 'FORBIDDEN', async () => bearer((await issueKey(hub, ApiRole.DEPARTMENT, { department: 'health' })).key)],
    ['a resident’s token (even their own ref)', 'FORBIDDEN', async () => bearer(await residentToken(hypertensive))],
    ['the admin secret', 'FORBIDDEN', async () => bearer(ADMIN_SECRET)],
    ['a terminal key bound to no hub', 'FORBIDDEN', async () => bearer((await issueKey(hub, ApiRole.CANTEEN_TERMINAL)).key)],
    [
      'a revoked terminal key',
      'UNAUTHENTICATED',
      async () => {
        const { client, key } = await issueKey(hub, ApiRole.CANTEEN_TERMINAL, { hubId: hubX });
        await hub.hub.services.clients.revoke(client.id);
        return bearer(key);
      },
    ],
  ])('refuses %s with %s and reveals nothing', async (_who, code, headers) => {
    const { data, errors } = await hub.query(ADVICE, { ref: hypertensive }, await headers());
    // null: the operation ran and was refused; absent: refused before it ran (bad credential).
    expect(data?.dietaryAdvice ?? null).toBeNull();
    expect(errors?.map((e) => e.extensions?.code)).toEqual([code]);
  });

  it('writes every call to the audit log: who, when, which action, the reference hashed, no condition', async () => {
    const before = await audit().countBy({ action: 'dietaryAdvice' });
    const started = Date.now();
    await advise(hypertensive);
    await advise(unknown);
    await advise(twoFlags);
    const finished = Date.now();
    expect(await audit().countBy({ action: 'dietaryAdvice' })).toBe(before + 3);
    const entries = await audit().find({ where: { action: 'dietaryAdvice' }, order: { id: 'DESC' }, take: 3 });
    expect(entries.map((e) => e.residentHash)).toEqual([twoFlags, unknown, hypertensive].map(hashResidentRef));
    for (const entry of entries) {
      expect(entry).toMatchObject({ clientId: terminalX.id, actor: `client ${terminalX.id} (${terminalX.name})`, detail: `at hub ${hubX}` });
      expect(entry.residentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.at.getTime()).toBeGreaterThanOrEqual(started - 1000);
      expect(entry.at.getTime()).toBeLessThanOrEqual(finished + 1000);
      expect(JSON.stringify(entry)).not.toMatch(CONDITION_WORDS);
      for (const ref of [hypertensive, unknown, twoFlags]) expect(JSON.stringify(entry)).not.toContain(ref);
    }
  });

  it('audits a refused attempt by a screen key too', async () => {
    const screen = await issueKey(hub, ApiRole.SCREEN, { name: 'lobby screen' });
    await hub.query(ADVICE, { ref: hypertensive }, bearer(screen.key));
    const [entry] = await audit().find({ where: { clientId: screen.client.id } });
    expect(entry).toMatchObject({ action: 'dietaryAdvice.refused', residentHash: hashResidentRef(hypertensive) });
  });

  it('keeps health data out of the logs, even when a read fails', async () => {
    const source = healthSourceOf(hub);
    await source.query('ALTER TABLE resident_health_flag RENAME TO resident_health_flag_away');
    try {
      const { errors } = await hub.query(ADVICE, { ref: hypertensive }, terminalX.headers);
      expect(errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await source.query('ALTER TABLE resident_health_flag_away RENAME TO resident_health_flag');
    }
    expect(hub.logs.some((line) => line.includes('dietaryAdvice'))).toBe(true);
    for (const line of hub.logs) {
      expect(line).not.toMatch(CONDITION_WORDS);
      for (const ref of [hypertensive, unknown, twoFlags]) expect(line).not.toContain(ref);
    }
  });
});
