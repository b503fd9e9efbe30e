/**
 * "Did you mean" suggestions for unknown catalog ids.
 */

/** Levenshtein edit distance between two strings (insert, delete, substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Up to `limit` ids closest to `query`: ids containing the query (or contained in it) first,
 * then by edit distance, ignoring case, dots and dashes. Only reasonably close ids are returned
 * (distance at most about half the query length), so nonsense gets no suggestion.
 */
export function suggestIds(query: string, ids: readonly string[], limit = 3): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/[\s._-]+/g, '');
  const q = norm(query);
  if (q.length === 0) return [];
  const scored: { id: string; score: number }[] = [];
  for (const id of ids) {
    const n = norm(id);
    let score: number;
    if (n === q) score = -1;
    else if (n.includes(q) || q.includes(n)) score = Math.abs(n.length - q.length) * 0.1;
    else {
      const d = editDistance(q, n);
      if (d > Math.max(2, Math.ceil(q.length / 2))) continue;
      score = d;
    }
    scored.push({ id, score });
  }
  scored.sort((x, y) => x.score - y.score || x.id.localeCompare(y.id));
  return scored.slice(0, limit).map((s) => s.id);
}

/**
 * A message for an unknown id, with suggestions when there are any. Kind 'field' is a request
 * key (one suggestion, no list command).
 */
export function unknownIdMessage(kind: string, id: string, ids: readonly string[]): string {
  if (kind === 'field') {
    const s = suggestIds(id, ids, 1);
    return `unknown field "${id}"${s.length ? `; did you mean "${s[0]}"?` : ''}`;
  }
  const s = suggestIds(id, ids);
  return s.length > 0
    ? `unknown ${kind} "${id}"; did you mean ${s.map((x) => `"${x}"`).join(', ')}?`
    : `unknown ${kind} "${id}"; list them with --list ${kind === 'model' ? 'models' : kind === 'quant' ? 'quants' : 'hardware'}`;
}
