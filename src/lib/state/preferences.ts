/**
 * Reader preferences shared by every calculator and persisted in localStorage:
 * memory unit (GB or GiB), currency, electricity price.
 */
import { persistentMap } from '@nanostores/persistent';
import type { Currency, MemoryUnit } from '../format/index.ts';
import { parseNumberField, FIELD_SPECS } from './fields.ts';

/** Preferences as typed values. */
export interface Preferences {
  unit: MemoryUnit;
  currency: Currency;
  /** Electricity price, USD per kWh. */
  electricityUsdPerKWh: number;
}

/**
 * Defaults. Electricity: US residential average, 16.88 cents/kWh in April 2024 (EIA Electricity
 * Monthly Update, https://www.eia.gov/electricity/monthly/update/end-use.php, seen 2026-11-29),
 * rounded to $0.17.
 */
export const DEFAULT_PREFERENCES: Preferences = { unit: 'GiB', currency: 'USD', electricityUsdPerKWh: 0.17 };

/** Raw persisted preferences (strings, as localStorage keeps them). */
export const $preferencesRaw = persistentMap<{ unit: string; currency: string; electricity: string }>(
  'rigbook:pref:',
  { unit: DEFAULT_PREFERENCES.unit, currency: DEFAULT_PREFERENCES.currency, electricity: String(DEFAULT_PREFERENCES.electricityUsdPerKWh) },
);

/** Reads raw stored strings into valid preferences; anything invalid falls back to the default. */
export function readPreferences(raw: { unit?: string | undefined; currency?: string | undefined; electricity?: string | undefined }): Preferences {
  const unit: MemoryUnit = raw.unit === 'GB' ? 'GB' : 'GiB';
  const e = parseNumberField(raw.electricity ?? '', FIELD_SPECS.electricityUsdPerKWh);
  return { unit, currency: 'USD', electricityUsdPerKWh: e.ok ? e.value : DEFAULT_PREFERENCES.electricityUsdPerKWh };
}

/** Saves the memory unit preference. */
export function setUnit(unit: MemoryUnit): void {
  $preferencesRaw.setKey('unit', unit);
}

/** Saves the electricity price (USD/kWh); ignores a non-finite or out-of-range value. */
export function setElectricity(usdPerKWh: number): void {
  const r = parseNumberField(String(usdPerKWh), FIELD_SPECS.electricityUsdPerKWh);
  if (r.ok) $preferencesRaw.setKey('electricity', String(r.value));
}
