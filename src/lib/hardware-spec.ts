/**
 * The hardware spec grammar, in one place: `ID`, `NxID` (N identical devices), or a comma list of
 * those (`2xrtx-3090,rtx-4090`). Parsing into parts, formatting parts back, and the short display
 * name of a device. The engine resolves parts against the catalog (sizing/rig.ts); the URL decoder
 * normalises them (state/url.ts); pages and calculators label them.
 */

/** One part of a spec: `count` devices of catalog id `id` (lower-case). */
export interface SpecPart { count: number; id: string }

/** A part as parsed, with its text as written (trimmed), for messages and echoing the spec. */
export interface ParsedPart extends SpecPart { text: string }

/** Most devices in one rig, as the engine models it. */
export const MAX_DEVICES = 64;

/**
 * The parts of a spec, or null when a part is empty or its count is not a whole number from 1 to
 * `MAX_DEVICES`. `isId` says whether a whole part is an id by itself: an id that looks like a count
 * (`2x...`) wins over the count reading. Accepts `2x`, `2 x`, `2×` and `2*`; ids are lower-cased.
 */
export function parseSpec(spec: string, isId: (id: string) => boolean = () => false): ParsedPart[] | null {
  const parts: ParsedPart[] = [];
  for (const raw of spec.split(',')) {
    const part = raw.replace(/^ +| +$/g, '');
    if (part === '') continue;
    const id = part.toLowerCase();
    // Spaces only around the count: a line break inside a spec is no separator.
    const m = /^(\d+) *[x×*] *(.+)$/i.exec(part);
    if (m && !isId(id)) parts.push({ count: Number(m[1]), id: m[2]!.trim().toLowerCase(), text: part });
    else parts.push({ count: 1, id, text: part });
  }
  return parts.length > 0 ? parts : null;
}

/** Whether a part's count is a whole number of devices the engine accepts. */
export function validCount(count: number): boolean {
  return Number.isInteger(count) && count >= 1 && count <= MAX_DEVICES;
}

/** A spec from parts, dropping empty ids: [{2, rtx-3090}, {1, rtx-4090}] -> "2xrtx-3090,rtx-4090". */
export function formatSpec(parts: readonly SpecPart[]): string {
  return parts.filter((p) => p.id).map((p) => (p.count > 1 ? `${p.count}x${p.id}` : p.id)).join(',');
}

/** Total devices of a spec's parts. */
export function deviceCount(parts: readonly SpecPart[]): number {
  return parts.reduce((n, p) => n + p.count, 0);
}

/**
 * A spec as readers read it, "2× RTX 3090 + RTX 4090": each part's count and short device name
 * (`nameOf` gives a catalog id's full name; an unknown id is shown as it is).
 */
export function specLabel(spec: string, nameOf: (id: string) => string | undefined): string {
  return (parseSpec(spec) ?? []).map((p) => {
    const full = nameOf(p.id);
    const name = full === undefined ? p.id : shortDeviceName(full);
    return p.count > 1 ? `${p.count}× ${name}` : name;
  }).join(' + ');
}

/**
 * A device's name without its maker's prefix, for labels where the maker is plain from context:
 * "NVIDIA GeForce RTX 4090" -> "RTX 4090", "Apple M4 Max (40-core GPU)" -> "M4 Max (40-core GPU)".
 */
export function shortDeviceName(name: string): string {
  return name.replace(/^NVIDIA (GeForce )?|^AMD |^Apple |^Intel /, '');
}
