import { closeFound, giveUpGaps, MAX_OPEN_RANGES, openGapsBetween, parseGaps, serializeGaps, type GapRange } from '../../src/live/feeds/open-gaps';

describe('open gaps are kept as ranges', () => {
  it('a hole of any size is one range', () => {
    expect(openGapsBetween([], 10, [11, 12, 5_013, 5_014, 2_000_000_000], 7)).toEqual([
      { from: 13, to: 5_012, since: 7 },
      { from: 5_015, to: 1_999_999_999, since: 7 },
    ]);
  });

  it('an id that shows up late is taken out of its range, splitting it', () => {
    const gaps: GapRange[] = [
      { from: 5, to: 9, since: 1 },
      { from: 20, to: 20, since: 2 },
    ];
    expect(closeFound(gaps, [20, 7, 5])).toEqual([
      { from: 6, to: 6, since: 1 },
      { from: 8, to: 9, since: 1 },
    ]);
  });

  it('ranges are given up at the end of their grace period', () => {
    const gaps: GapRange[] = [
      { from: 1, to: 100, since: 0 },
      { from: 200, to: 200, since: 5_000 },
    ];
    const result = giveUpGaps(gaps, 10_000, 6_000);
    expect(result.gaps).toEqual([{ from: 200, to: 200, since: 5_000 }]);
    expect(result.expired).toEqual({ ranges: 1, ids: 100 });
    expect(result.overflow).toEqual({ ranges: 0, ids: 0 });
  });

  it(`past ${MAX_OPEN_RANGES} ranges the oldest are given up early, and counted`, () => {
    // Every other id missing: the worst case of interleaved writers.
    const gaps: GapRange[] = Array.from({ length: MAX_OPEN_RANGES + 5 }, (_, i) => ({ from: 2 * i + 1, to: 2 * i + 1, since: 1_000 + i }));
    gaps[MAX_OPEN_RANGES + 4] = { from: 2 * (MAX_OPEN_RANGES + 4) + 1, to: 2 * (MAX_OPEN_RANGES + 4) + 10, since: 0 };
    const result = giveUpGaps(gaps, 2_000, 60_000);
    expect(result.gaps).toHaveLength(MAX_OPEN_RANGES);
    expect(result.overflow).toEqual({ ranges: 5, ids: 10 + 4 });
    expect(result.gaps.map((g) => g.since)).not.toContain(0);
    expect(result.gaps[0].from).toBe(9);
  });

  it('the most ranges kept fit the cursor row, whatever the ids and times', () => {
    const gaps: GapRange[] = Array.from({ length: MAX_OPEN_RANGES }, (_, i) => ({ from: 2_147_000_000 + 2 * i, to: 2_147_000_000 + 2 * i, since: 9_999_999_999_999 }));
    const text = serializeGaps(gaps)!;
    // MySQL's TEXT holds 65,535 bytes; the text is ASCII.
    expect(text.length).toBeLessThan(65_535);
    expect(parseGaps(text)).toEqual(gaps);
  });

  it('reads the gaps written before ranges, one id each', () => {
    expect(parseGaps('[[41,1000],[43,1001]]')).toEqual([
      { from: 41, to: 41, since: 1000 },
      { from: 43, to: 43, since: 1001 },
    ]);
  });
});
