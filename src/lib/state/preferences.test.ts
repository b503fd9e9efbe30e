import { describe, expect, it } from 'vitest';
import { $preferencesRaw, DEFAULT_PREFERENCES, readPreferences, setElectricity, setUnit } from './preferences.ts';

describe('preferences', () => {
  it('reads stored strings into typed preferences and falls back to the defaults on anything invalid', () => {
    expect(readPreferences({ unit: 'GiB', currency: 'USD', electricity: '0.3' })).toEqual({ unit: 'GiB', currency: 'USD', electricityUsdPerKWh: 0.3 });
    expect(readPreferences({ unit: '<b>', currency: 'XYZ', electricity: 'NaN' })).toEqual(DEFAULT_PREFERENCES);
    expect(readPreferences({ electricity: '-1' }).electricityUsdPerKWh).toBe(DEFAULT_PREFERENCES.electricityUsdPerKWh);
    // GPU and unified memory are sold in GiB (a "24 GB" card has 24 GiB), so GiB is the default unit.
    expect(readPreferences({}).unit).toBe('GiB');
    expect(readPreferences({ unit: 'GB' }).unit).toBe('GB');
  });
  it('saves the unit and a valid electricity price, and ignores a non-finite price', () => {
    setUnit('GiB');
    setElectricity(0.25);
    setElectricity(Number.POSITIVE_INFINITY);
    setElectricity(-3);
    expect($preferencesRaw.get()).toMatchObject({ unit: 'GiB', electricity: '0.25' });
  });
});
