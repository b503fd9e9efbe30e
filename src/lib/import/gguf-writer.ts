/**
 * A minimal GGUF v3 header writer (little-endian) for tests: metadata pairs with explicit types,
 * tensor infos whose offsets are laid out as llama.cpp's writer does (each tensor's bytes padded
 * to the alignment), and the padding up to where the tensor data would start. No tensor data.
 */
import { GGUF_VALUE_TYPE, DEFAULT_ALIGNMENT, tensorBytes } from './gguf-reader.ts';

export type GgufScalarTypeName = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'bool' | 'string' | 'u64' | 'i64' | 'f64';

export type GgufWriterScalar =
  | { type: Exclude<GgufScalarTypeName, 'bool' | 'string' | 'u64' | 'i64'>; value: number }
  | { type: 'u64' | 'i64'; value: number | bigint }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string };

export type GgufWriterArray =
  | { type: 'array'; itemType: GgufScalarTypeName; value: readonly (number | bigint | boolean | string)[] }
  | { type: 'array'; itemType: 'array'; value: readonly GgufWriterArray[] };

export type GgufWriterValue = GgufWriterScalar | GgufWriterArray;

export interface GgufWriterTensor {
  name: string;
  type: number;
  dims: readonly number[];
  /** Overrides the computed offset (to write a malformed header on purpose). */
  offset?: number;
}

export interface GgufWriterInput {
  metadata: ReadonlyArray<readonly [string, GgufWriterValue]>;
  tensors: readonly GgufWriterTensor[];
  /** Tensor data alignment; written as `general.alignment` unless the metadata has it. */
  alignment?: number;
}

const TYPE_ID: Readonly<Record<GgufScalarTypeName | 'array', number>> = {
  u8: GGUF_VALUE_TYPE.UINT8,
  i8: GGUF_VALUE_TYPE.INT8,
  u16: GGUF_VALUE_TYPE.UINT16,
  i16: GGUF_VALUE_TYPE.INT16,
  u32: GGUF_VALUE_TYPE.UINT32,
  i32: GGUF_VALUE_TYPE.INT32,
  f32: GGUF_VALUE_TYPE.FLOAT32,
  bool: GGUF_VALUE_TYPE.BOOL,
  string: GGUF_VALUE_TYPE.STRING,
  array: GGUF_VALUE_TYPE.ARRAY,
  u64: GGUF_VALUE_TYPE.UINT64,
  i64: GGUF_VALUE_TYPE.INT64,
  f64: GGUF_VALUE_TYPE.FLOAT64,
};

/** Appends little-endian values to a list of byte chunks. */
class Bytes {
  chunks: Uint8Array[] = [];
  length = 0;
  private fixed(size: number, set: (v: DataView) => void): void {
    const b = new Uint8Array(size);
    set(new DataView(b.buffer));
    this.push(b);
  }
  push(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  u8(v: number): void { this.fixed(1, (d) => d.setUint8(0, v)); }
  i8(v: number): void { this.fixed(1, (d) => d.setInt8(0, v)); }
  u16(v: number): void { this.fixed(2, (d) => d.setUint16(0, v, true)); }
  i16(v: number): void { this.fixed(2, (d) => d.setInt16(0, v, true)); }
  u32(v: number): void { this.fixed(4, (d) => d.setUint32(0, v, true)); }
  i32(v: number): void { this.fixed(4, (d) => d.setInt32(0, v, true)); }
  f32(v: number): void { this.fixed(4, (d) => d.setFloat32(0, v, true)); }
  f64(v: number): void { this.fixed(8, (d) => d.setFloat64(0, v, true)); }
  u64(v: number | bigint): void { this.fixed(8, (d) => d.setBigUint64(0, BigInt(v), true)); }
  i64(v: number | bigint): void { this.fixed(8, (d) => d.setBigInt64(0, BigInt(v), true)); }
  string(s: string): void {
    const b = new TextEncoder().encode(s);
    this.u64(b.length);
    this.push(b);
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function writeScalar(out: Bytes, type: GgufScalarTypeName, v: number | bigint | boolean | string): void {
  switch (type) {
    case 'bool': out.u8(v === true ? 1 : 0); return;
    case 'string': out.string(String(v)); return;
    case 'u64': out.u64(v as number | bigint); return;
    case 'i64': out.i64(v as number | bigint); return;
    default: out[type](Number(v));
  }
}

function writeArray(out: Bytes, a: GgufWriterArray): void {
  out.u32(TYPE_ID[a.itemType]);
  out.u64(a.value.length);
  if (a.itemType === 'array') for (const inner of a.value as readonly GgufWriterArray[]) writeArray(out, inner);
  else for (const v of a.value as readonly (number | bigint | boolean | string)[]) writeScalar(out, a.itemType, v);
}

const padTo = (n: number, alignment: number): number => Math.ceil(n / alignment) * alignment;

/** The bytes of a GGUF v3 header for `input`, padded to where the tensor data starts. */
export function writeGgufHeader(input: GgufWriterInput): Uint8Array {
  const metadata = [...input.metadata];
  const declared = metadata.find(([k]) => k === 'general.alignment')?.[1];
  let alignment = input.alignment ?? DEFAULT_ALIGNMENT;
  if (declared !== undefined) {
    const value = Number(declared.value);
    if (input.alignment !== undefined && input.alignment !== value) throw new Error('alignment disagrees with general.alignment');
    alignment = value;
  } else if (input.alignment !== undefined) {
    metadata.push(['general.alignment', { type: 'u32', value: input.alignment }]);
  }
  if (!Number.isSafeInteger(alignment) || alignment < 1) throw new Error('alignment must be a positive integer');

  const out = new Bytes();
  out.push(new TextEncoder().encode('GGUF'));
  out.u32(3);
  out.u64(input.tensors.length);
  out.u64(metadata.length);
  for (const [key, v] of metadata) {
    out.string(key);
    out.u32(TYPE_ID[v.type]);
    if (v.type === 'array') writeArray(out, v);
    else writeScalar(out, v.type, v.value);
  }
  let offset = 0;
  for (const t of input.tensors) {
    out.string(t.name);
    out.u32(t.dims.length);
    for (const d of t.dims) out.u64(d);
    out.u32(t.type);
    out.u64(t.offset ?? offset);
    const bytes = tensorBytes(t.type, t.dims);
    if (bytes === null && t.offset === undefined) throw new Error(`no byte size for tensor ${t.name} of type ${t.type}`);
    offset += padTo(bytes ?? 0, alignment);
  }
  out.push(new Uint8Array(padTo(out.length, alignment) - out.length));
  return out.concat();
}
