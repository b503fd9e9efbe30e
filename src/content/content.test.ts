/**
 * Holds the knowledge base to its standard: complete front matter, well-formed sources, every citation
 * resolving, no placeholder text, a length a reader can use, links that resolve to real pages and
 * glossary terms, and no catalog-driven figure typed into prose without the engine or a source.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { models, hardware } from '../lib/catalog/index.ts';

const guidesDir = join(import.meta.dirname, 'guides');
const guideFiles = readdirSync(guidesDir).filter((f) => f.endsWith('.mdx')).sort();
const slugs = new Set(guideFiles.map((f) => f.replace(/\.mdx$/, '')));
const glossary = parseYaml(readFileSync(join(import.meta.dirname, 'glossary', 'terms.yaml'), 'utf8')) as { id: string; term: string; definition: string; related?: string[]; guide?: string }[];
const termIds = new Set(glossary.map((t) => t.id));
const modelIds = new Set(models.map((m) => m.id));
const hardwareIds = new Set(hardware.map((h) => h.id));
const calculatorSlugs = new Set(['will-it-fit', 'how-fast', 'rig-builder', 'quantization-explorer', 'context-planner', 'local-or-api', 'hardware-tiers']);
const topLevelPages = new Set(['/', '/guides/', '/calculators/', '/models/', '/hardware/', '/glossary/', '/methodology/', '/sources/', '/search/', '/about/', '/about/self-hosting/']);
/** Collection entries rendered under /about/ (src/components/layout/data/nav.ts aboutGuideIds); /guides/<id>/ is only a redirect for them. */
const aboutPages = new Set(['self-hosting']);

interface Guide { slug: string; frontMatter: Record<string, unknown>; body: string }

function readGuide(file: string): Guide {
  const text = readFileSync(join(guidesDir, file), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no front matter`);
  return { slug: file.replace(/\.mdx$/, ''), frontMatter: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]! };
}

const guides = guideFiles.map(readGuide);

/** The prose a reader reads: no imports, code, tags, math or link targets. */
function proseOf(body: string): string {
  return body
    .replace(/^import .*$/gm, '')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_|`[\]>-]+/g, ' ');
}

function wordCount(body: string): number {
  return proseOf(body).split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Blocks separated by blank lines, outside fenced code. */
function blocksOf(body: string): string[] {
  return body.replace(/```[\s\S]*?```/g, '').split(/\n\s*\n/);
}

describe('the guides', () => {
  it('number at least twelve, one per promised topic', () => {
    for (const slug of ['open-closed-gap', 'reading-benchmarks', 'agent-benchmarks', 'where-vram-goes', 'quantization', 'speed', 'hardware-tiers', 'multi-gpu-apple-offload', 'tool-use-reliability', 'local-vs-api', 'budget-builds', 'self-hosting']) {
      expect(slugs.has(slug), slug).toBe(true);
    }
  });

  for (const guide of guides) {
    describe(guide.slug, () => {
      it('has complete front matter with a dated update and well-formed sources', () => {
        const fm = guide.frontMatter;
        expect(typeof fm['title']).toBe('string');
        expect(String(fm['description']).length).toBeGreaterThanOrEqual(50);
        expect(String(fm['description']).length).toBeLessThanOrEqual(200);
        expect(typeof fm['section']).toBe('string');
        expect(Number.isInteger(fm['order'])).toBe(true);
        expect(String(fm['updated'])).toMatch(/^\d{4}-\d{2}-\d{2}/);
        const sources = fm['sources'] as { id: string; title: string; url: string; grade: string }[];
        expect(sources.length).toBeGreaterThan(0);
        for (const source of sources) {
          expect(source.id, JSON.stringify(source)).toMatch(/^[a-z0-9][a-z0-9-]*$/);
          expect(source.title.length, source.id).toBeGreaterThan(3);
          expect(() => new URL(source.url), source.url).not.toThrow();
          expect(source.url, source.id).toMatch(/^https:\/\/[^\s]+$/);
          expect(['primary', 'secondary', 'community']).toContain(source.grade);
        }
        expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
      });

      it('cites only sources it lists, and cites every source it lists', () => {
        const sources = new Set((guide.frontMatter['sources'] as { id: string }[]).map((s) => s.id));
        const cited = new Set([...guide.body.matchAll(/<Cite\s+id=["']([^"']+)["']/g)].map((m) => m[1]!));
        expect([...cited].filter((id) => !sources.has(id))).toEqual([]);
        expect([...sources].filter((id) => !cited.has(id))).toEqual([]);
      });

      it('has no placeholder text', () => {
        expect(guide.body).not.toMatch(/\b(TODO|TBD|FIXME|XXX|lorem ipsum|placeholder|citation needed)\b/i);
      });

      it('is between 1,200 and 3,000 words of prose', () => {
        const words = wordCount(guide.body);
        expect(words).toBeGreaterThanOrEqual(1200);
        expect(words).toBeLessThanOrEqual(3000);
      });

      it('has at least one table, chart or calculator', () => {
        expect(guide.body).toMatch(/<Figure|<GapChart|<(?:WillItFit|HowFast|ContextPlanner|QuantExplorer|LocalOrApi|HardwareTiers|RigBuilder)\b|client:visible|client:idle|^\|.*\|\s*$/m);
      });

      it('links only to pages, calculators (preset by catalogued ids), models, hardware and glossary terms that exist', () => {
        const broken: string[] = [];
        for (const match of guide.body.matchAll(/(?:\]\(|href=["'])(\/[^)"'\s]*)/g)) {
          const link = match[1]!;
          const [target = '', fragment] = link.split('#');
          const [path = '', query] = target.split('?');
          const parts = path.split('/').filter(Boolean);
          // A query presets a calculator: only there, and only with catalogued model and hardware ids.
          const params = new URLSearchParams(query ?? '');
          const queryOk = query === undefined || (parts[0] === 'calculators'
            && (params.get('model') === null || modelIds.has(params.get('model')!))
            && (params.get('hardware') === null || hardwareIds.has(params.get('hardware')!.replace(/^\d+x/, ''))));
          const ok = queryOk && (
            (path === '/glossary/' && (fragment === undefined || termIds.has(fragment))) ||
            (parts[0] === 'guides' && parts.length === 2 && slugs.has(parts[1]!) && !aboutPages.has(parts[1]!)) ||
            (parts[0] === 'calculators' && parts.length === 2 && calculatorSlugs.has(parts[1]!)) ||
            (parts[0] === 'models' && parts.length === 2 && modelIds.has(parts[1]!)) ||
            (parts[0] === 'hardware' && parts.length === 2 && hardwareIds.has(parts[1]!)) ||
            (topLevelPages.has(path) && path !== '/glossary/'));
          if (!ok || !path.endsWith('/')) broken.push(link);
        }
        expect(broken).toEqual([]);
      });

      it('types no computed memory or speed figure without the engine or a cited source beside it', () => {
        // Computed figures have decimals (42.5 GB, 4.58 GiB, 13.2 tok/s); whole numbers with a unit are
        // product sizes and round thresholds ("a 24 GB card", "20 tokens per second"), which may be typed.
        const unsourced: string[] = [];
        for (const block of blocksOf(guide.body)) {
          if (/^\s*(import|---)/.test(block)) continue;
          const withoutEngine = block.replace(/<Estimate[^>]*\/>/g, '');
          const typed = withoutEngine.match(/\b\d+\.\d+\s?(?:GB|GiB|MiB|KiB|TB|tok\/s|tokens\/s|t\/s|tokens per second)(?![A-Za-z])/g);
          if (typed && !/<Cite\s/.test(block)) unsourced.push(`${typed.join(', ')} in: ${block.trim().slice(0, 120)}…`);
        }
        expect(unsourced).toEqual([]);
      });
    });
  }
});

describe('the glossary', () => {
  it('defines at least fifty terms, each with a unique id', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(50);
    expect(termIds.size).toBe(glossary.length);
  });

  it('points related terms and guides only at terms and guides that exist', () => {
    for (const term of glossary) {
      expect((term.related ?? []).filter((id) => !termIds.has(id)), term.id).toEqual([]);
      if (term.guide) expect(slugs.has(term.guide), `${term.id} → ${term.guide}`).toBe(true);
      expect(term.definition.length, term.id).toBeGreaterThan(40);
    }
  });

  it('is linked from the guides for the terms they introduce', () => {
    const linked = new Set(guides.flatMap((g) => [...g.body.matchAll(/\/glossary\/#([a-z0-9-]+)/g)].map((m) => m[1]!)));
    expect(linked.size).toBeGreaterThanOrEqual(30);
  });
});
