import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, textOn } from '../../../src/format/contrast.ts';

const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);

describe('room tile text', () => {
  it('is the better of white and near-black on any colour a room may have', () => {
    fc.assert(
      fc.property(hex, (background) => {
        const chosen = textOn(background);
        const other = chosen === '#ffffff' ? '#111111' : '#ffffff';
        expect(contrastRatio(background, chosen)).toBeGreaterThanOrEqual(contrastRatio(background, other));
        // The worst colour (a mid grey) still reads at 4.3:1; the dark "V" tile read at 1.67:1.
        expect(contrastRatio(background, chosen)).toBeGreaterThan(4.3);
      }),
    );
  });

  it('puts white on DocSpace’s blue and dark text on its yellow', () => {
    expect(textOn('#2f6fed')).toBe('#ffffff');
    expect(textOn('#e0a052')).toBe('#111111');
  });
});
