/**
 * The build's one date: RIGBOOK_TODAY when set, else the day the build runs, checked either way.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isStale, referenceDateOf } from '../lib/freshness.ts';

const saved = process.env['RIGBOOK_TODAY'];
afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
  if (saved === undefined) delete process.env['RIGBOOK_TODAY']; else process.env['RIGBOOK_TODAY'] = saved;
});

describe('the reference date', () => {
  it('is the clock\'s day when RIGBOOK_TODAY is not set (system time pinned to 2028-03-05)', async () => {
    vi.useFakeTimers({ now: new Date('2028-03-05T10:00:00Z'), toFake: ['Date'] });
    delete process.env['RIGBOOK_TODAY'];
    const { REFERENCE_DATE } = await import('./reference-date.ts');
    expect(REFERENCE_DATE).toBe('2028-03-05');
    // On that day a price seen in 2026 is old, one seen a month before is not.
    expect(isStale('2026-12-07', REFERENCE_DATE)).toBe(true);
    expect(isStale('2028-02-05', REFERENCE_DATE)).toBe(false);
  });

  it('is RIGBOOK_TODAY when set, whatever the clock says', async () => {
    vi.useFakeTimers({ now: new Date('2031-01-01T00:00:00Z'), toFake: ['Date'] });
    process.env['RIGBOOK_TODAY'] = '2026-12-07';
    const { REFERENCE_DATE } = await import('./reference-date.ts');
    expect(REFERENCE_DATE).toBe('2026-12-07');
  });

  it('refuses a malformed RIGBOOK_TODAY instead of building with a wrong date', () => {
    expect(() => referenceDateOf('12/07/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => referenceDateOf('2026-02-30')).toThrow(/YYYY-MM-DD/);
  });

  it('counts six calendar months: seen on 2026-06-07 is stale on 2026-12-08, not on 2026-12-07', () => {
    expect(isStale('2026-06-07', '2026-12-07')).toBe(false);
    expect(isStale('2026-06-07', '2026-12-08')).toBe(true);
    expect(isStale('2026-06', '2026-12-07')).toBe(true);
    expect(isStale('yesterday', '2026-12-07')).toBe(true);
  });
});
