/** The palette, measured: contrast against the backgrounds and differences between colours. */
import { describe, expect, it } from 'vitest';
import { MIX_PARTS } from '../../src/lib/charts/measures.ts';
import {
  contrastRatio,
  DARK_BACKGROUND,
  deltaE,
  LIGHT_BACKGROUND,
  NO_DATA_DARK,
  NO_DATA_LIGHT,
  partColors,
  SEQUENTIAL,
  sequentialColor,
  SERIES_DARK,
  SERIES_LIGHT,
  textOn,
} from '../../src/lib/charts/palette.ts';

/** Smallest colour difference between any two of a list. */
function closest(colors: readonly string[]): { d: number; pair: [string, string] } {
  let best = { d: Infinity, pair: ['', ''] as [string, string] };
  for (let i = 0; i < colors.length; i++) {
    for (let j = i + 1; j < colors.length; j++) {
      const d = deltaE(colors[i]!, colors[j]!);
      if (d < best.d) best = { d, pair: [colors[i]!, colors[j]!] };
    }
  }
  return best;
}

describe('contrast and difference, computed', () => {
  it('matches WCAG’s own examples', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // #767676 is the lightest grey with 4.5:1 on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    // The old Okabe–Ito orange failed: 2.25:1.
    expect(contrastRatio('#E69F00', '#ffffff')).toBeCloseTo(2.25, 2);
    expect(deltaE('#ff0000', '#ff0000')).toBe(0);
    expect(deltaE('#000000', '#ffffff')).toBeCloseTo(100, 0);
  });
});

describe('series colours', () => {
  it.each([
    ['light', SERIES_LIGHT, LIGHT_BACKGROUND],
    ['dark', SERIES_DARK, DARK_BACKGROUND],
  ])('every %s series colour has at least 3:1 against its background, and all are plainly different', (_theme, list, background) => {
    expect(list).toHaveLength(8);
    for (const c of list) expect(contrastRatio(c, background), c).toBeGreaterThanOrEqual(3);
    expect(closest(list).d).toBeGreaterThan(20);
  });
});

describe('breakdown colours', () => {
  for (const [mix, { parts }] of Object.entries(MIX_PARTS)) {
    for (const dark of [false, true]) {
      it(`${mix} (${dark ? 'dark' : 'light'}): every part its own colour, 3:1 or more against the background`, () => {
        const colors = partColors(parts.map((p) => p.key), dark);
        expect(new Set(colors).size).toBe(parts.length);
        const { d, pair } = closest(colors);
        expect(d, `closest pair ${pair.join(' ')}`).toBeGreaterThan(15);
        for (const c of colors) expect(contrastRatio(c, dark ? DARK_BACKGROUND : LIGHT_BACKGROUND), c).toBeGreaterThanOrEqual(3);
      });
    }
  }

  it('keeps parts of one outcome group in one hue family (granted green, refused red)', () => {
    const colors = partColors(['granted', 'refused_state_secret', 'refused_law']);
    const [g, r1, r2] = colors.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16))) as number[][];
    expect(g![1]).toBeGreaterThan(g![0]!);
    expect(r1![0]).toBeGreaterThan(r1![1]!);
    expect(r2![0]).toBeGreaterThan(r2![2]!);
  });
});

describe('tile map scale', () => {
  it('sets its lowest step clearly apart from no-data, in both themes', () => {
    for (const noData of [NO_DATA_LIGHT, NO_DATA_DARK]) {
      expect(contrastRatio(SEQUENTIAL[0]!, noData)).toBeGreaterThanOrEqual(1.5);
      expect(deltaE(SEQUENTIAL[0]!, noData)).toBeGreaterThan(20);
    }
    // Before: #deebf7 on #d9d9d9 was 1.17:1.
    expect(contrastRatio('#deebf7', '#d9d9d9')).toBeLessThan(1.2);
  });

  it('runs light to dark, every step different from the next', () => {
    for (let i = 1; i < SEQUENTIAL.length; i++) {
      expect(contrastRatio(SEQUENTIAL[i]!, '#ffffff')).toBeGreaterThan(contrastRatio(SEQUENTIAL[i - 1]!, '#ffffff'));
      expect(deltaE(SEQUENTIAL[i]!, SEQUENTIAL[i - 1]!)).toBeGreaterThan(10);
    }
  });

  it('colours no data with the theme’s no-data colour, and the range by step', () => {
    expect(sequentialColor(null, 0, 10)).toBe(NO_DATA_LIGHT);
    expect(sequentialColor(null, 0, 10, true)).toBe(NO_DATA_DARK);
    expect(sequentialColor(0, 0, 10)).toBe(SEQUENTIAL[0]);
    expect(sequentialColor(10, 0, 10)).toBe(SEQUENTIAL[4]);
  });

  it('labels every tile in a colour that reads on it (4.5:1)', () => {
    for (const fill of [...SEQUENTIAL, NO_DATA_LIGHT, NO_DATA_DARK]) expect(contrastRatio(textOn(fill), fill), fill).toBeGreaterThanOrEqual(4.5);
  });
});
