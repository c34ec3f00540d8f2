import { HEALTH_SETTINGS } from '../../src/departments/health/health-settings';
import { HealthFlag } from '../../src/departments/health/residents/health-flag';
import type { CanteenDay } from '../../src/departments/health/summary/canteen-day';
import { suppressSmallCells } from '../../src/departments/health/summary/small-cell-suppression';

const FLAGS = Object.values(HealthFlag);

function day(diners: number, flags: Partial<Record<HealthFlag, number>>, hypertension = { meals: 0, lowSalt: 0 }, extraMeals = 0): CanteenDay {
  return {
    hubId: 7,
    date: '2026-11-01',
    hasCanteen: true,
    meals: diners + extraMeals,
    diners,
    flagDiners: { HYPERTENSION: 0, DIABETES: 0, HYPERLIPIDEMIA: 0, ...flags },
    hypertensionMeals: hypertension.meals,
    hypertensionLowSaltMeals: hypertension.lowSalt,
  };
}
const shown = (summary: ReturnType<typeof suppressSmallCells>, flag: HealthFlag) => summary.flags.find((f) => f.flag === flag)!;

describe('small-cell suppression of the canteen summary', () => {
  it('shows counts of at least k whose complement is at least k, and the share made of such counts', () => {
    const summary = suppressSmallCells(day(30, { HYPERTENSION: 12, DIABETES: 5, HYPERLIPIDEMIA: 25 }, { meals: 12, lowSalt: 7 }), 5);
    expect(summary).toEqual({
      hubId: 7,
      date: '2026-11-01',
      mealsServed: 30,
      suppressBelow: 5,
      flags: [
        { flag: 'HYPERTENSION', diners: 12, suppressed: false },
        { flag: 'DIABETES', diners: 5, suppressed: false },
        { flag: 'HYPERLIPIDEMIA', diners: 25, suppressed: false },
      ],
      lowSaltShare: 0.58,
    });
  });

  it.each([
    ['a count below k', day(30, { DIABETES: 4 }), HealthFlag.DIABETES],
    ['a zero count', day(30, { DIABETES: 0 }), HealthFlag.DIABETES],
    ['a count whose complement among the diners is below k', day(30, { HYPERLIPIDEMIA: 26 }), HealthFlag.HYPERLIPIDEMIA],
    ['a count equal to the diners', day(30, { HYPERLIPIDEMIA: 30 }), HealthFlag.HYPERLIPIDEMIA],
  ])('suppresses %s: null, suppressed true', (_what, raw, flag) => {
    expect(shown(suppressSmallCells(raw, 5), flag)).toEqual({ flag, diners: null, suppressed: true });
  });

  it.each([
    ['the HYPERTENSION count is suppressed', day(8, { HYPERTENSION: 6 }, { meals: 6, lowSalt: 3 })],
    ['too few low-salt meals', day(40, { HYPERTENSION: 20 }, { meals: 20, lowSalt: 4 })],
    ['too few other meals (1 − share is as telling)', day(40, { HYPERTENSION: 20 }, { meals: 20, lowSalt: 16 })],
    ['no hypertensive meals at all', day(40, { HYPERTENSION: 20 }, { meals: 0, lowSalt: 0 })],
  ])('suppresses lowSaltShare when %s', (_what, raw) => {
    expect(suppressSmallCells(raw, 5).lowSaltShare).toBeNull();
  });

  it('takes k from the setting: with k = 3 a count of 4 is shown, with 5 it is not', () => {
    const raw = day(30, { DIABETES: 4 });
    expect(shown(suppressSmallCells(raw, HEALTH_SETTINGS.read({ HEALTH_SUPPRESS_BELOW: '3' }).suppressBelow), HealthFlag.DIABETES).diners).toBe(4);
    expect(shown(suppressSmallCells(raw, HEALTH_SETTINGS.read({}).suppressBelow), HealthFlag.DIABETES).diners).toBeNull();
  });

  /**
   * The proof that no combination of the published fields recovers a suppressed count: for
   * every day up to 24 diners (and with repeat meals), every value a suppressed count could take
   * with the same mealsServed yields the very same summary. Whatever a reader computes from the
   * summary (total minus the other flags, share times anything…) is then the same for all of
   * them, so it cannot tell them apart.
   */
  it.each([2, 3, 5, 8])('publishes the same summary for every value a suppressed count could have (k = %i)', (k) => {
    let suppressedCases = 0;
    for (let diners = 0; diners <= 24; diners++) {
      const canBeHidden = (c: number) => c < k || diners - c < k;
      const hideable = [...Array(diners + 1).keys()].filter(canBeHidden);
      for (const extraMeals of [0, 3]) {
        for (const others of [0, Math.floor(diners / 2), diners]) {
          for (const flag of FLAGS) {
            // Every hideable value of this flag's count, the other flags fixed; for
            // HYPERTENSION every split of its meals into low-salt and other as well.
            const outputs = new Set<string>();
            for (const count of hideable) {
              const base = Object.fromEntries(FLAGS.map((f) => [f, f === flag ? count : others]));
              const splits = flag === HealthFlag.HYPERTENSION ? [...Array(count + 1).keys()] : [Math.floor(others / 3)];
              for (const lowSalt of splits) {
                const meals = flag === HealthFlag.HYPERTENSION ? count : others;
                const summary = suppressSmallCells(day(diners, base, { meals, lowSalt }, extraMeals), k);
                expect(shown(summary, flag)).toEqual({ flag, diners: null, suppressed: true });
                if (flag === HealthFlag.HYPERTENSION) expect(summary.lowSaltShare).toBeNull();
                outputs.add(JSON.stringify(summary));
                suppressedCases++;
              }
            }
            expect(outputs.size).toBe(1);
          }
        }
      }
      // The share, with HYPERTENSION shown: every hideable split of its meals gives one summary.
      const h = Math.floor(diners / 2);
      if (!canBeHidden(h)) {
        const outputs = new Set<string>();
        for (let lowSalt = 0; lowSalt <= h; lowSalt++) {
          if (lowSalt >= k && h - lowSalt >= k) continue;
          outputs.add(JSON.stringify(suppressSmallCells(day(diners, { HYPERTENSION: h }, { meals: h, lowSalt }), k)));
        }
        expect(outputs.size).toBe(1);
      }
    }
    expect(suppressedCases).toBeGreaterThan(1000);
  });
});

describe('HEALTH_SUPPRESS_BELOW', () => {
  it('defaults to 5', () => {
    expect(HEALTH_SETTINGS.read({}).suppressBelow).toBe(5);
  });

  it.each([
    ['1', 'HEALTH_SUPPRESS_BELOW: 1 is outside 2..100'],
    ['five', 'HEALTH_SUPPRESS_BELOW: "five" is not a whole number'],
    ['2.5', 'HEALTH_SUPPRESS_BELOW: "2.5" is not a whole number'],
  ])('refuses %s with one line naming the variable', (value, message) => {
    expect(() => HEALTH_SETTINGS.read({ HEALTH_SUPPRESS_BELOW: value })).toThrow(message);
  });
});
