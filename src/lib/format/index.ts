/**
 * Number formatting for the calculators and pages: bytes in GB or GiB, tokens per second,
 * durations, token counts, dollars. Every function returns a readable string and never
 * "NaN" or "Infinity": a non-finite input renders as an em dash, which the UI explains.
 */

/** The reader's preferred memory unit: GB = 10^9 bytes, GiB = 2^30 bytes. */
export type MemoryUnit = 'GB' | 'GiB';

/** What a non-finite or missing number renders as. */
export const MISSING = '—';

const MINUS = '\u2212';

/** An en-US formatter; only the rare paths use one (building it costs tens of microseconds). */
function nf(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return new Intl.NumberFormat('en-US', options);
}

/**
 * A non-negative number in en-US style ("12,345.6") with at most `maxDecimals` decimals (at least
 * `minDecimals`), rounded half up on its shortest decimal form ("1.005" -> "1.01"), as
 * Intl.NumberFormat does. Plain string work instead of Intl: building an Intl.NumberFormat costs
 * milliseconds on a slow phone, and a calculator's first render needed several.
 */
function plain(a: number, maxDecimals: number, minDecimals = 0): string {
  const str = String(a);
  if (str.includes('e')) return nf({ maximumFractionDigits: maxDecimals, minimumFractionDigits: minDecimals }).format(a);
  const dot = str.indexOf('.');
  let int = dot < 0 ? str : str.slice(0, dot);
  let frac = dot < 0 ? '' : str.slice(dot + 1);
  if (frac.length > maxDecimals) {
    const up = frac.charCodeAt(maxDecimals) >= 53; // next digit is 5 or more
    frac = frac.slice(0, maxDecimals);
    if (up) {
      const digits = (int + frac).split('');
      let k = digits.length - 1;
      for (; k >= 0; k--) {
        if (digits[k] === '9') digits[k] = '0';
        else { digits[k] = String.fromCharCode(digits[k]!.charCodeAt(0) + 1); break; }
      }
      const all = (k < 0 ? '1' : '') + digits.join('');
      int = all.slice(0, all.length - frac.length);
      frac = all.slice(all.length - frac.length);
    }
  }
  let end = frac.length;
  while (end > minDecimals && frac[end - 1] === '0') end--;
  frac = frac.slice(0, end).padEnd(minDecimals, '0');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Rounds to a number of decimals chosen by magnitude so that values read like a person wrote
 * them: three significant figures at most below 100, whole numbers above.
 * 0.0432 -> "0.043", 4.567 -> "4.57", 42.46 -> "42.5", 123.4 -> "123", 12345 -> "12,345".
 */
export function formatNumber(x: number, maxDecimals = 2): string {
  if (!isNum(x)) return MISSING;
  const a = Math.abs(x);
  let decimals: number;
  if (a >= 100) decimals = 0;
  else if (a >= 10) decimals = 1;
  else if (a >= 1) decimals = 2;
  else decimals = 3;
  decimals = Math.min(decimals, maxDecimals);
  const s = plain(a, decimals);
  // Intl may round a tiny negative to "0": never print "-0".
  const negative = x < 0 && s !== '0';
  return (negative ? MINUS : '') + s;
}

/** Integer with thousands separators ("131,072"); rounds; "—" when not finite. */
export function formatInt(x: number): string {
  if (!isNum(x)) return MISSING;
  const r = Math.round(x);
  const s = plain(Math.abs(r), 0);
  return (r < 0 ? MINUS : '') + s;
}

/**
 * Bytes as GB (10^9) or GiB (2^30), falling back to MB/MiB or KB/KiB below one unit so that small
 * values (a KV cache per token) stay readable: formatBytes(42.5e9) -> "42.5 GB",
 * formatBytes(131072, 'GiB') -> "128 KiB". Negative values (a shortfall) keep their sign.
 */
export function formatBytes(bytes: number, unit: MemoryUnit = 'GB'): string {
  if (!isNum(bytes)) return MISSING;
  const base = unit === 'GiB' ? 1024 : 1000;
  const names = unit === 'GiB' ? ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'] : ['bytes', 'KB', 'MB', 'GB', 'TB'];
  const a = Math.abs(bytes);
  // Stay in G units from 1 G up to 10,000 G (a 3 TB DeepSeek file reads better as 1,340 GB than 1.34 TB
  // next to other sizes in GB); go down to M/K only below 1 G.
  let i = 3;
  if (a < base ** 3) i = a >= base ** 2 ? 2 : a >= base ? 1 : 0;
  else if (a >= 10000 * base ** 3) i = 4;
  if (i === 0) return `${formatInt(bytes)} bytes`;
  return `${formatNumber(bytes / base ** i, 1)} ${names[i]}`;
}

/** Bytes as a plain number in the chosen unit (for chart axes and tables): 42.5e9 -> 42.5 in GB. */
export function bytesIn(bytes: number, unit: MemoryUnit): number {
  if (!isNum(bytes)) return 0;
  return bytes / (unit === 'GiB' ? 2 ** 30 : 1e9);
}

/** Tokens per second: "23 tok/s", "4.6 tok/s", "0.42 tok/s". */
export function formatTokensPerSec(tps: number): string {
  if (!isNum(tps)) return MISSING;
  return `${formatTokensPerSecNumber(tps)} tok/s`;
}

/** The number part of a speed, rounded for reading: integers from 10 up, one decimal below. */
export function formatTokensPerSecNumber(tps: number): string {
  if (!isNum(tps)) return MISSING;
  const a = Math.abs(tps);
  return formatNumber(tps, a >= 10 ? 0 : a >= 1 ? 1 : 2);
}

/** A low–high range of speeds: "19–27 tok/s". Swaps a reversed pair; "—" if either end is not finite. */
export function formatSpeedRange(range: readonly [number, number] | null | undefined): string {
  if (!range || !isNum(range[0]) || !isNum(range[1])) return MISSING;
  const lo = Math.min(range[0], range[1]);
  const hi = Math.max(range[0], range[1]);
  const a = formatTokensPerSecNumber(lo);
  const b = formatTokensPerSecNumber(hi);
  return a === b ? `${a} tok/s` : `${a}–${b} tok/s`;
}

/** Seconds as "350 ms", "4.2 s", "2 min 5 s", "3 h 10 min". */
export function formatSeconds(sec: number): string {
  if (!isNum(sec)) return MISSING;
  if (sec < 0) return `${MINUS}${formatSeconds(-sec)}`;
  if (sec < 1) return `${formatInt(sec * 1000)} ms`;
  if (sec < 60) return `${formatNumber(sec, 1)} s`;
  if (sec < 3600) {
    const m = Math.floor(sec / 60);
    const s = Math.round(sec - m * 60);
    return s === 60 ? `${m + 1} min` : s ? `${m} min ${s} s` : `${m} min`;
  }
  const h = Math.floor(sec / 3600);
  const m = Math.round((sec - h * 3600) / 60);
  return m === 60 ? `${h + 1} h` : m ? `${h} h ${m} min` : `${h} h`;
}

/**
 * A token count as people write context lengths: multiples of 1,024 as "32K" / "128K"
 * (the way model cards state them), multiples of 1,048,576 as "1M", anything else with separators.
 */
export function formatTokens(n: number): string {
  if (!isNum(n)) return MISSING;
  const r = Math.round(n);
  if (r >= 1048576 && r % 1048576 === 0) return `${r / 1048576}M`;
  if (r >= 1024 && r % 1024 === 0) return `${r / 1024}K`;
  return formatInt(r);
}

/** A large count such as tokens per day or parameters: "1.2M", "70.6B", "494M", "8,000". */
export function formatCount(n: number): string {
  if (!isNum(n)) return MISSING;
  const a = Math.abs(n);
  const sign = n < 0 ? MINUS : '';
  if (a >= 1e12) return `${sign}${formatNumber(a / 1e12, 2)}T`;
  if (a >= 1e9) return `${sign}${formatNumber(a / 1e9, 2)}B`;
  if (a >= 1e6) return `${sign}${formatNumber(a / 1e6, 2)}M`;
  if (a >= 1e4) return `${sign}${formatNumber(a / 1e3, 1)}K`;
  return formatInt(n);
}

/** Currencies the site can show. Prices in the catalog are USD; other currencies are not converted. */
export type Currency = 'USD';

/**
 * Dollars: "$1,499", "$12.50", "$0.60", "$0.0031" (small per-token costs keep two significant figures),
 * "−$12" for a negative amount.
 */
export function formatUsd(usd: number, currency: Currency = 'USD'): string {
  if (!isNum(usd)) return MISSING;
  void currency;
  const a = Math.abs(usd);
  let s: string;
  if (a === 0) s = '0';
  else if (a >= 100) s = formatInt(a);
  else if (a >= 0.1) s = plain(a, 2, 2);
  else s = nf({ maximumSignificantDigits: 2 }).format(a);
  return `${usd < 0 ? MINUS : ''}$${s}`;
}

/** A value already converted to the memory unit, for chart axes: 42.46 -> "42.5 GB". */
export function formatInUnit(value: number, unit: MemoryUnit): string {
  if (!isNum(value)) return MISSING;
  return `${formatNumber(value, 1)} ${unit}`;
}

/**
 * Orders two strings for display lists (model and GPU names): case-insensitively, then by case so
 * the order is total. Plain code-unit comparison on purpose: creating an Intl.Collator costs about
 * 140 ms on a phone-speed CPU (measured in Chromium at 4x slowdown), and it ran as the calculator
 * code loaded. Catalog names are ASCII, where this matches the collator's order for letters and
 * digits; it differs only in where punctuation sorts.
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
