/**
 * Content collections. Astro validates every entry against these schemas while it syncs content;
 * an invalid entry stops the build with an error that names the collection, the entry and the file.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The five guide sections, in sidebar order. */
export const guideSections = [
  'Models and benchmarks',
  'Memory and speed',
  'Hardware',
  'Agents in practice',
  'Running Rigbook',
] as const;

const httpsUrl = z
  .url()
  .refine((u) => u.startsWith('https://'), { message: 'source url must start with https://' });

const source = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'source id: lower-case letters, digits and hyphens'),
  title: z.string().min(3),
  url: httpsUrl,
  grade: z.enum(['primary', 'secondary', 'community']),
  note: z.string().optional(),
});

const guides = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/guides' }),
  schema: z
    .object({
      title: z.string().min(3).max(90),
      description: z.string().min(50, 'description: at least 50 characters').max(200, 'description: at most 200 characters'),
      section: z.enum(guideSections),
      order: z.number().int().min(0),
      updated: z.coerce.date(),
      sources: z.array(source).min(1, 'sources: at least one source'),
      /** The questions the guide answers, in the words readers search with; shown under the title. */
      answers: z.array(z.string().min(10).max(120)).max(6).optional(),
    })
    .superRefine((data, ctx) => {
      const seen = new Set<string>();
      for (const s of data.sources) {
        if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources'], message: `duplicate source id "${s.id}"` });
        seen.add(s.id);
      }
    }),
});

const glossary = defineCollection({
  loader: file('src/content/glossary/terms.yaml'),
  schema: z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'term id: lower-case, hyphenated'),
    term: z.string().min(1),
    definition: z.string().min(10),
    related: z.array(z.string()).optional(),
    guide: z.string().optional(),
  }),
});

const pages = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/pages' }),
  schema: z.object({
    title: z.string().min(3),
    description: z.string().max(200).optional(),
    updated: z.coerce.date().optional(),
  }),
});

export const collections = { guides, glossary, pages };
