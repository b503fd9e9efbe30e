import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gguf } from '@huggingface/gguf';
import {
  GGML_TYPE_ID,
  GgufFormatError,
  MAX_KEPT_ARRAY_LENGTH,
  quoteForMessage,
  readGgufHeader,
  tensorBytes,
  type ByteSource,
  type GgufHeader,
  type GgufValue,
  type ReadGgufOptions,
} from './gguf-reader.ts';
import { writeGgufHeader, type GgufWriterInput, type GgufWriterTensor, type GgufWriterValue } from './gguf-writer.ts';
import { ggmlTypes } from '../catalog/ggml.ts';

/** A source over bytes in memory. */
function bufferSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (start, end) => bytes.slice(start, end) };
}

function read(bytes: Uint8Array, options?: ReadGgufOptions): Promise<GgufHeader> {
  return readGgufHeader(bufferSource(bytes), options);
}

/** A file of `size` bytes: `header`, then zeros; records each read. */
function sparseSource(header: Uint8Array, size: number, reads: Array<[number, number]>): ByteSource {
  return {
    size,
    async read(start, end) {
      reads.push([start, end]);
      const out = new Uint8Array(end - start);
      out.set(header.subarray(Math.min(start, header.length), Math.min(end, header.length)));
      return out;
    },
  };
}

/** @huggingface/gguf over the same bytes, through a fetch that serves byte ranges. */
async function readWithHuggingFace(bytes: Uint8Array) {
  const fakeFetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('Range') ?? 'bytes=0-';
    const [a = 0, b = bytes.length - 1] = range.slice('bytes='.length).split('-').map(Number);
    const body = bytes.slice(a, Math.min(b + 1, bytes.length));
    return new Response(body, { status: 206, headers: { 'content-range': `bytes ${a}-${a + body.length - 1}/${bytes.length}` } });
  }) as typeof fetch;
  return gguf('https://example.invalid/model.gguf', { fetch: fakeFetch });
}

async function formatError(promise: Promise<unknown>): Promise<GgufFormatError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(GgufFormatError);
  return error as GgufFormatError;
}

const T = GGML_TYPE_ID;
const layers = 4;
const vocabulary = 150_000;

/** A header shaped like a real Qwen-style Q4_K_M file, small in layers but with a full vocabulary. */
const realisticInput = (vocabulary: number): GgufWriterInput => ({
  metadata: [
    ['general.architecture', { type: 'string', value: 'qwen2' }],
    ['general.name', { type: 'string', value: 'Qwen2.5 7B Instruct' }],
    ['general.file_type', { type: 'u32', value: 15 }],
    ['qwen2.block_count', { type: 'u32', value: layers }],
    ['qwen2.context_length', { type: 'u32', value: 32768 }],
    ['qwen2.embedding_length', { type: 'u32', value: 512 }],
    ['qwen2.attention.head_count', { type: 'u32', value: 28 }],
    ['qwen2.attention.head_count_kv', { type: 'array', itemType: 'i32', value: [4, 4, 0, 4] }],
    ['qwen2.rope.freq_base', { type: 'f32', value: 1_000_000 }],
    ['qwen2.attention.layer_norm_rms_epsilon', { type: 'f32', value: Math.fround(1e-6) }],
    ['general.size', { type: 'u64', value: 7_615_616_512n }],
    ['general.offset', { type: 'i64', value: -123_456_789_012n }],
    ['general.small', { type: 'i8', value: -7 }],
    ['general.u8', { type: 'u8', value: 200 }],
    ['general.u16', { type: 'u16', value: 65_000 }],
    ['general.i16', { type: 'i16', value: -30_000 }],
    ['general.i32', { type: 'i32', value: -2_000_000_000 }],
    ['general.f64', { type: 'f64', value: Math.PI }],
    ['general.tags', { type: 'array', itemType: 'string', value: ['text-generation', 'chat'] }],
    ['tokenizer.ggml.model', { type: 'string', value: 'gpt2' }],
    ['tokenizer.ggml.tokens', { type: 'array', itemType: 'string', value: Array.from({ length: vocabulary }, (_, i) => `tok${i}`) }],
    ['tokenizer.ggml.token_type', { type: 'array', itemType: 'i32', value: Array.from({ length: vocabulary }, () => 1) }],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: false }],
    ['tokenizer.chat_template', { type: 'string', value: '{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}' }],
  ],
  tensors: [
    { name: 'token_embd.weight', type: T.Q4_K, dims: [512, vocabulary] },
    ...Array.from({ length: layers }, (_, i): GgufWriterTensor[] => [
      { name: `blk.${i}.attn_norm.weight`, type: T.F32, dims: [512] },
      { name: `blk.${i}.attn_q.weight`, type: T.Q4_K, dims: [512, 512] },
      { name: `blk.${i}.attn_k.weight`, type: T.Q4_K, dims: [512, 64] },
      { name: `blk.${i}.attn_v.weight`, type: T.Q6_K, dims: [512, 64] },
      { name: `blk.${i}.ffn_down.weight`, type: i % 2 ? T.Q4_K : T.Q6_K, dims: [1536, 512] },
      { name: `blk.${i}.ffn_gate_exps.weight`, type: T.MXFP4, dims: [512, 1536, 8] },
      { name: `blk.${i}.ffn_up.weight`, type: T.IQ4_XS, dims: [512, 1536] },
    ]).flat(),
    { name: 'output_norm.weight', type: T.F32, dims: [512] },
    { name: 'output.weight', type: T.Q8_0, dims: [512, vocabulary] },
    { name: 'rope_freqs.weight', type: T.BF16, dims: [32] },
  ],
});
const realistic = realisticInput(vocabulary);

/** What the reader should give for a value the writer wrote. */
function expected(v: GgufWriterValue): GgufValue {
  if (v.type !== 'array') return typeof v.value === 'bigint' ? Number(v.value) : v.value;
  if (v.itemType === 'array' || v.value.length > MAX_KEPT_ARRAY_LENGTH) {
    return { arrayType: v.itemType === 'array' ? 9 : typeIds[v.itemType], length: v.value.length };
  }
  return v.value.map((x) => (typeof x === 'bigint' ? Number(x) : x));
}
const typeIds = { u8: 0, i8: 1, u16: 2, i16: 3, u32: 4, i32: 5, f32: 6, bool: 7, string: 8, u64: 10, i64: 11, f64: 12 } as const;

const padTo = (n: number, a: number) => Math.ceil(n / a) * a;

function expectedOffsets(tensors: readonly GgufWriterTensor[], alignment: number): number[] {
  let at = 0;
  return tensors.map((t) => {
    const offset = at;
    at += padTo(tensorBytes(t.type, t.dims) ?? 0, alignment);
    return offset;
  });
}

/** The header `input` should read back as. */
function expectRoundTrip(header: GgufHeader, input: GgufWriterInput, bytes: Uint8Array): void {
  const alignment = input.alignment ?? 32;
  const metadata = [...input.metadata];
  if (input.alignment !== undefined && !metadata.some(([k]) => k === 'general.alignment')) {
    metadata.push(['general.alignment', { type: 'u32', value: input.alignment }]);
  }
  expect(header.version).toBe(3);
  expect([...header.metadata.keys()]).toEqual(metadata.map(([k]) => k));
  for (const [k, v] of metadata) expect(header.metadata.get(k)).toEqual(expected(v));
  const offsets = expectedOffsets(input.tensors, alignment);
  expect(header.tensors).toEqual(input.tensors.map((t, i) => ({ name: t.name, type: t.type, dims: [...t.dims], offset: offsets[i] })));
  expect(header.alignment).toBe(alignment);
  expect(header.tensorDataOffset).toBe(bytes.length);
}

function toPlain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toPlain);
  return v;
}

describe('readGgufHeader', () => {
  it('reads back what the writer wrote, field for field, and agrees with @huggingface/gguf on every key, value, array length and tensor', async () => {
    const bytes = writeGgufHeader(realistic);
    const ours = await read(bytes);
    expectRoundTrip(ours, realistic, bytes);

    const theirs = await readWithHuggingFace(bytes);
    const theirMetadata = theirs.metadata as unknown as Record<string, unknown>;
    const theirKeys = Object.keys(theirMetadata).filter((k) => !['version', 'tensor_count', 'kv_count'].includes(k));
    expect([...ours.metadata.keys()]).toEqual(theirKeys);
    for (const [key, value] of ours.metadata) {
      const theirValue = theirMetadata[key];
      if (typeof value === 'object' && !Array.isArray(value)) {
        expect((theirValue as unknown[]).length, key).toBe(value.length);
      } else {
        expect(toPlain(theirValue), key).toEqual(value);
      }
    }
    expect(ours.tensors).toEqual(theirs.tensorInfos.map((t) => ({ name: t.name, type: t.dtype, dims: t.shape.map(Number), offset: Number(t.offset) })));
    expect(ours.tensorDataOffset).toBe(Number(theirs.tensorDataOffset));
    expect(ours.metadata.get('tokenizer.ggml.tokens')).toEqual({ arrayType: 8, length: vocabulary });
  });

  it('reads a header in front of a 2 GB sparse region with under 1 MiB of reads and never touches the tensor data', async () => {
    // A 32k vocabulary (Llama 2, Mistral): its token strings are read to step over them.
    const header = writeGgufHeader(realisticInput(32_000));
    const reads: Array<[number, number]> = [];
    const result = await readGgufHeader(sparseSource(header, 2e9, reads));
    expect(result.tensorDataOffset).toBe(header.length);
    expect(result.tensors).toHaveLength(realistic.tensors.length);
    expect(result.bytesRead).toBeLessThan(1 << 20);
    expect(result.bytesRead).toBe(reads.reduce((sum, [a, b]) => sum + (b - a), 0));
    expect(Math.max(...reads.map(([, b]) => b))).toBeLessThan(1 << 20);
  });

  it('reads at most twice the header of a 150k-token vocabulary, however large the file', async () => {
    const header = writeGgufHeader(realistic);
    const result = await readGgufHeader(sparseSource(header, 40e9, []));
    expect(result.tensorDataOffset).toBe(header.length);
    expect(result.bytesRead).toBeLessThan(2 * header.length);
  });

  it('gives the same header whatever the chunk size, down to one byte per read', async () => {
    const input: GgufWriterInput = { ...realistic, metadata: realistic.metadata.filter(([k]) => !k.startsWith('tokenizer.ggml.t')) };
    const bytes = writeGgufHeader(input);
    const whole = await read(bytes);
    for (const chunkBytes of [1, 3, 64, 1000]) {
      expect({ ...(await read(bytes, { chunkBytes })), bytesRead: 0 }).toEqual({ ...whole, bytesRead: 0 });
    }
  });

  it('keeps markup and newlines in a string value as plain text and adds nothing else', async () => {
    const markup = '<script>alert(1)</script><img src=x onerror=alert(2)>\n\t"quoted"';
    const bytes = writeGgufHeader({
      metadata: [['general.name', { type: 'string', value: markup }], ['__proto__', { type: 'string', value: 'x' }]],
      tensors: [],
    });
    const header = await read(bytes);
    expect(header.metadata.get('general.name')).toBe(markup);
    expect([...header.metadata.keys()]).toEqual(['general.name', '__proto__']);
    expect(header.metadata.get('__proto__')).toBe('x');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('decodes invalid UTF-8 in a string value to replacement characters rather than failing', async () => {
    const bytes = writeGgufHeader({ metadata: [['general.name', { type: 'string', value: 'ab' }]], tensors: [] });
    bytes[24 + 8 + 'general.name'.length + 4 + 8] = 0xff;
    expect((await read(bytes)).metadata.get('general.name')).toBe('\ufffdb');
  });

  it('rejects every truncation of a header as a file that ends early', async () => {
    const bytes = writeGgufHeader({
      metadata: [
        ['general.name', { type: 'string', value: 'tiny' }],
        ['a.layers', { type: 'array', itemType: 'u16', value: [1, 2, 3] }],
        ['a.big', { type: 'array', itemType: 'string', value: Array.from({ length: 2000 }, () => 'x') }],
      ],
      tensors: [{ name: 'w', type: T.Q8_0, dims: [32, 2] }],
      alignment: 1,
    });
    expect((await read(bytes)).tensorDataOffset).toBe(bytes.length);
    for (let cut = 0; cut < bytes.length; cut += cut < 200 ? 1 : 97) {
      const error = await formatError(read(bytes.subarray(0, cut)));
      expect(error.message).toMatch(/truncated|too short/);
    }
  });

  it('rejects a file that does not start with GGUF without echoing its bytes', async () => {
    const bytes = new TextEncoder().encode('<html><script>x</script></html>');
    const error = await formatError(read(bytes));
    expect(error.message).toBe('Not a GGUF file: it does not start with "GGUF".');
  });

  it('names a big-endian GGUF file as such, and rejects versions other than 2 and 3', async () => {
    const bytes = writeGgufHeader({ metadata: [], tensors: [] });
    const bigEndian = bytes.slice();
    new DataView(bigEndian.buffer).setUint32(4, 3, false);
    expect((await formatError(read(bigEndian))).message).toMatch(/big-endian/);
    const v1 = bytes.slice();
    new DataView(v1.buffer).setUint32(4, 1, true);
    expect((await formatError(read(v1))).message).toBe('Unsupported GGUF version 1 (versions 2 and 3 are read).');
    const v2 = bytes.slice();
    new DataView(v2.buffer).setUint32(4, 2, true);
    expect((await read(v2)).version).toBe(2);
  });

  it('rejects absurd tensor and metadata counts before reading further', async () => {
    const bytes = writeGgufHeader({ metadata: [], tensors: [] });
    const tensors = bytes.slice();
    new DataView(tensors.buffer).setBigUint64(8, 2_000_000n, true);
    expect((await formatError(read(tensors))).message).toBe('The header claims more than 1,000,000 tensors.');
    const pairs = bytes.slice();
    new DataView(pairs.buffer).setBigUint64(16, 2n ** 63n, true);
    expect((await formatError(read(pairs))).message).toBe('The header claims more than 100,000 metadata pairs.');
  });

  it('rejects a control character in a key, showing the key escaped and cut to 60 characters', async () => {
    const key = `evil\u001b[31m\u0000${'k'.repeat(100)}`;
    const bytes = writeGgufHeader({ metadata: [[key, { type: 'u8', value: 1 }]], tensors: [] });
    const error = await formatError(read(bytes));
    expect(error.message).toBe(`The metadata key "evil\\u001b[31m\\u0000${'k'.repeat(50)}…" contains control characters.`);
    expect([...error.message].filter((c) => c.charCodeAt(0) < 0x20)).toEqual([]);
    expect(quoteForMessage('a"b\\c\u202e')).toBe('"a\\"b\\\\c\\u202e"');
  });

  it('rejects an unknown value type, naming the key and the type', async () => {
    const bytes = writeGgufHeader({ metadata: [['x', { type: 'u8', value: 1 }]], tensors: [] });
    new DataView(bytes.buffer).setUint32(24 + 8 + 1, 13, true);
    expect((await formatError(read(bytes))).message).toBe('Metadata "x" has an unknown value type 13.');
    const array = writeGgufHeader({ metadata: [['y', { type: 'array', itemType: 'u8', value: [1] }]], tensors: [] });
    new DataView(array.buffer).setUint32(24 + 8 + 1 + 4, 99, true);
    expect((await formatError(read(array))).message).toBe('The array "y" has an unknown element type 99.');
  });

  it('rejects a string value longer than 1 MiB and an array longer than the header limit', async () => {
    const bytes = writeGgufHeader({ metadata: [['s', { type: 'string', value: 'abc' }]], tensors: [] });
    new DataView(bytes.buffer).setBigUint64(24 + 8 + 1 + 4, 2n ** 20n + 1n, true);
    expect((await formatError(read(bytes))).message).toBe('The string value of "s" is longer than 1 MiB.');
    const array = writeGgufHeader({ metadata: [['a', { type: 'array', itemType: 'string', value: ['x'] }]], tensors: [] });
    new DataView(array.buffer).setBigUint64(24 + 8 + 1 + 4 + 4, 2n ** 62n, true);
    expect((await formatError(read(array))).message).toMatch(/absurd length|truncated/);
  });

  it('steps over a long array of strings bigger than a string value may be', async () => {
    const long = 'x'.repeat((1 << 20) + 10);
    const values = Array.from({ length: MAX_KEPT_ARRAY_LENGTH + 1 }, (_, i) => (i === 0 ? long : 'y'));
    const bytes = writeGgufHeader({ metadata: [['a', { type: 'array', itemType: 'string', value: values }]], tensors: [] });
    expect((await read(bytes)).metadata.get('a')).toEqual({ arrayType: 8, length: values.length });
  });

  it('steps over arrays of arrays, and rejects nesting deeper than four', async () => {
    const inner = { type: 'array', itemType: 'string', value: ['a', 'b'] } as const;
    const nested: GgufWriterValue = { type: 'array', itemType: 'array', value: [inner, inner] };
    const header = await read(writeGgufHeader({ metadata: [['n', nested], ['after', { type: 'u8', value: 5 }]], tensors: [] }));
    expect(header.metadata.get('n')).toEqual({ arrayType: 9, length: 2 });
    expect(header.metadata.get('after')).toBe(5);
    let deep: GgufWriterValue = nested;
    for (let i = 0; i < 4; i++) deep = { type: 'array', itemType: 'array', value: [deep] };
    expect((await formatError(read(writeGgufHeader({ metadata: [['d', deep]], tensors: [] })))).message).toMatch(/nests arrays/);
  });

  it('rejects a header larger than maxHeaderBytes', async () => {
    const bytes = writeGgufHeader({ metadata: [['s', { type: 'string', value: 'x'.repeat(5000) }]], tensors: [] });
    expect((await formatError(read(bytes, { maxHeaderBytes: 4096 }))).message).toBe('The header is larger than the 4096 bytes limit (at the string value of "s").');
  });

  it('rejects a 64-bit integer beyond 2^53 rather than rounding it', async () => {
    const bytes = writeGgufHeader({ metadata: [['big', { type: 'u64', value: 2n ** 53n }]], tensors: [] });
    expect((await formatError(read(bytes))).message).toBe('Metadata "big" holds a 64-bit integer beyond ±2^53.');
    const ok = writeGgufHeader({ metadata: [['big', { type: 'i64', value: -(2n ** 53n - 1n) }]], tensors: [] });
    expect((await read(ok)).metadata.get('big')).toBe(-Number.MAX_SAFE_INTEGER);
  });

  it('rejects tensors with no or more than four dimensions, an empty dimension, or too many elements', async () => {
    const cases: Array<[readonly number[], RegExp]> = [
      [[], /0 dimensions/],
      [[32, 1, 1, 1, 1], /5 dimensions/],
      [[32, 0], /empty dimension/],
      [[2 ** 30, 2 ** 30, 2 ** 30], /more elements than can be counted/],
    ];
    for (const [dims, message] of cases) {
      const bytes = writeGgufHeader({ metadata: [], tensors: [{ name: 't', type: T.F32, dims, offset: 0 }] });
      expect((await formatError(read(bytes))).message).toMatch(message);
    }
  });

  it('rejects duplicate keys and tensor names, a misaligned tensor offset and an alignment that is not a power of two', async () => {
    const u8 = { type: 'u8', value: 1 } as const;
    expect((await formatError(read(writeGgufHeader({ metadata: [['k', u8], ['k', u8]], tensors: [] })))).message).toBe('Metadata key "k" appears twice.');
    const t = { name: 't', type: T.F32, dims: [8] };
    expect((await formatError(read(writeGgufHeader({ metadata: [], tensors: [t, t] })))).message).toBe('Tensor "t" appears twice.');
    expect((await formatError(read(writeGgufHeader({ metadata: [], tensors: [{ ...t, offset: 16 }] })))).message).toMatch(/not a multiple of the alignment 32/);
    const odd = writeGgufHeader({ metadata: [['general.alignment', { type: 'u32', value: 24 }]], tensors: [] });
    expect((await formatError(read(odd))).message).toBe('general.alignment is not a power of two.');
  });

  it('lets an error of the source itself pass through unchanged', async () => {
    const failure = new Error('disk gone');
    await expect(readGgufHeader({ size: 100, read: () => Promise.reject(failure) })).rejects.toBe(failure);
  });
});

describe('tensorBytes', () => {
  it('gives the bytes of a tensor from the block table, and null for a type outside it or a row that is not whole blocks', () => {
    expect(tensorBytes(T.Q4_K, [4096, 4096])).toBe((4096 * 4096 / 256) * 144);
    expect(tensorBytes(T.F32, [4096])).toBe(4096 * 4);
    expect(tensorBytes(T.Q8_0, [64, 3, 2])).toBe(2 * 3 * 2 * 34);
    expect(tensorBytes(T.Q4_K, [100, 2])).toBeNull();
    expect(tensorBytes(15 /* Q8_K */, [256])).toBeNull();
    expect(tensorBytes(T.F32, [])).toBeNull();
    expect(tensorBytes(T.F32, [2 ** 40, 2 ** 20])).toBeNull();
  });

  it('has an id for every type in the catalog block table', () => {
    expect(Object.keys(GGML_TYPE_ID).sort()).toEqual(Object.keys(ggmlTypes).sort());
  });
});

const keyArb = fc.stringMatching(/^[a-z][a-z0-9_.]{0,24}$/);
const scalarArb: fc.Arbitrary<GgufWriterValue> = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((value) => ({ type: 'u8' as const, value })),
  fc.integer({ min: -128, max: 127 }).map((value) => ({ type: 'i8' as const, value })),
  fc.integer({ min: 0, max: 65535 }).map((value) => ({ type: 'u16' as const, value })),
  fc.integer({ min: -32768, max: 32767 }).map((value) => ({ type: 'i16' as const, value })),
  fc.nat({ max: 2 ** 32 - 1 }).map((value) => ({ type: 'u32' as const, value })),
  fc.integer().map((value) => ({ type: 'i32' as const, value })),
  fc.float().map((value) => ({ type: 'f32' as const, value })),
  fc.double().map((value) => ({ type: 'f64' as const, value })),
  fc.maxSafeNat().map((value) => ({ type: 'u64' as const, value })),
  fc.maxSafeInteger().map((value) => ({ type: 'i64' as const, value })),
  fc.boolean().map((value) => ({ type: 'bool' as const, value })),
  fc.string({ unit: 'binary', maxLength: 40 }).map((value) => ({ type: 'string' as const, value })),
);
const arrayArb: fc.Arbitrary<GgufWriterValue> = fc.oneof(
  fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 8 }).map((value) => ({ type: 'array' as const, itemType: 'i32' as const, value })),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 8 }).map((value) => ({ type: 'array' as const, itemType: 'string' as const, value })),
  fc.integer({ min: MAX_KEPT_ARRAY_LENGTH - 1, max: MAX_KEPT_ARRAY_LENGTH + 2 }).map((n) => ({ type: 'array' as const, itemType: 'u8' as const, value: Array.from({ length: n }, (_, i) => i % 256) })),
  fc.array(fc.array(fc.boolean(), { maxLength: 3 }), { maxLength: 3 }).map((rows) => ({
    type: 'array' as const, itemType: 'array' as const, value: rows.map((value) => ({ type: 'array' as const, itemType: 'bool' as const, value })),
  })),
);
const typeIdArb = fc.constantFrom(...Object.values(GGML_TYPE_ID));
const tensorArb = fc.record({
  name: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }),
  type: typeIdArb,
  rows: fc.integer({ min: 1, max: 4 }),
  rest: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
});
const inputArb: fc.Arbitrary<GgufWriterInput> = fc.record({
  metadata: fc.uniqueArray(fc.tuple(keyArb, fc.oneof(scalarArb, arrayArb)), { selector: ([k]) => k, maxLength: 8 })
    .map((pairs) => pairs.filter(([k]) => k !== 'general.alignment')),
  tensors: fc.uniqueArray(tensorArb, { selector: (t) => t.name, maxLength: 6 }).map((ts) => ts.map((t): GgufWriterTensor => {
    const layout = Object.entries(GGML_TYPE_ID).find(([, id]) => id === t.type)?.[0] as keyof typeof ggmlTypes;
    return { name: t.name, type: t.type, dims: [t.rows * ggmlTypes[layout].blockWeights, ...t.rest] };
  })),
  alignment: fc.option(fc.constantFrom(1, 8, 32, 64, 4096), { nil: undefined }),
}).map(({ metadata, tensors, alignment }): GgufWriterInput => (alignment === undefined ? { metadata, tensors } : { metadata, tensors, alignment }));

async function withinOneSecond<T>(promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('hung')), 1000); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('properties of random headers', () => {
  it('round-trips every valid header through the writer and the reader, at any chunk size', async () => {
    await fc.assert(fc.asyncProperty(inputArb, fc.integer({ min: 1, max: 300 }), async (input, chunkBytes) => {
      const bytes = writeGgufHeader(input);
      expectRoundTrip(await read(bytes, { chunkBytes }), input, bytes);
    }), { numRuns: 200 });
  });

  it('never throws anything but GgufFormatError on a mutated or cut header, and never hangs', async () => {
    const mutationArb = fc.record({
      input: inputArb,
      edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
      chunkBytes: fc.integer({ min: 1, max: 512 }),
    });
    await fc.assert(fc.asyncProperty(mutationArb, async ({ input, edits, cut, chunkBytes }) => {
      const bytes = writeGgufHeader(input);
      for (const [at, value] of edits) bytes[at % bytes.length] = value;
      const mutated = cut === undefined ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
      const outcome = await withinOneSecond(read(mutated, { chunkBytes }).then(() => null, (e: unknown) => e));
      if (outcome !== null) expect(outcome).toBeInstanceOf(GgufFormatError);
    }), { numRuns: 500 });
  });
});
