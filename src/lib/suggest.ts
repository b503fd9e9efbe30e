/**
 * "Did you mean" suggestions for unknown catalog ids.
 */
import { excerpt } from './request.ts';

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

/** Longest input that gets did-you-mean suggestions, characters. */
const MAX_SUGGESTED_LENGTH = 100;

/**
 * A message for an unknown id, with suggestions when there are any. Kind 'field' is a request
 * key (one suggestion, no list command).
 */
export function unknownIdMessage(kind: string, id: string, ids: readonly string[]): string {
  const shown = excerpt(id);
  // Suggestions cost an edit distance against every id: none for input longer than any id could be.
  const near = (limit: number) => (id.length <= MAX_SUGGESTED_LENGTH ? suggestIds(id, ids, limit) : []);
  if (kind === 'field') {
    const s = near(1);
    return `unknown field "${shown}"${s.length ? `; did you mean "${s[0]}"?` : ''}`;
  }
  const s = near(3);
  return s.length > 0
    ? `unknown ${kind} "${shown}"; did you mean ${s.map((x) => `"${x}"`).join(', ')}?`
    : `unknown ${kind} "${shown}"; list them with --list ${kind === 'model' ? 'models' : kind === 'quant' ? 'quants' : 'hardware'}`;
}
