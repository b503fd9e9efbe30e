/**
 * A defensive reader of GGUF headers: the metadata key-value pairs and the tensor infos, never the
 * tensor data. It reads through a `ByteSource` (a `File` in the browser, a file handle in Node) in
 * growing chunks, so a 40 GB file costs a few hundred KiB of reads; anything malformed, truncated
 * or absurd is a `GgufFormatError` with a short plain message.
 *
 * Format: ggml/docs/gguf.md and ggml/src/gguf.cpp (`gguf_init_from_file_impl`); the checks follow
 * gguf.cpp's where it has one (power-of-two alignment, at most 4 dimensions, tensor offsets that
 * are multiples of the alignment, no duplicate keys or tensor names). Cross-checked against
 * `@huggingface/gguf` in the tests.
 *
 * Limits, each a `GgufFormatError` when exceeded:
 * - versions 2 and 3, little-endian only (version 1 predates 64-bit sizes; big-endian files are
 *   rare and named as such);
 * - at most 1,000,000 tensors and 100,000 metadata pairs;
 * - a string value at most 1 MiB, a key or tensor name at most 65,535 bytes and free of control
 *   characters, line separators and bidirectional overrides (string values keep theirs: chat
 *   templates need newlines; whoever renders them escapes them);
 * - 1 to 4 dimensions per tensor, each at least 1, their product a safe integer;
 * - the header (up to the end of the tensor infos) within `maxHeaderBytes`, 64 MiB by default;
 * - 64-bit integers (metadata values, tensor offsets) within ±(2^53 − 1): a larger one is an
 *   error rather than a silently rounded number or a bigint every caller must handle.
 *
 * Arrays: an array of at most `MAX_KEPT_ARRAY_LENGTH` scalars is kept as a JS array (per-layer
 * head counts, rope sections, tags); a longer one, or an array of arrays, is stepped over and kept
 * as `{ arrayType, length }`, so a 150k-token vocabulary costs no memory (fixed-size elements are
 * not even read).
 */
import { ggmlTypes, type GgmlType } from '../catalog/ggml.ts';

/** Random access to the bytes of a file; `read` returns bytes [start, end). */
export interface ByteSource {
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** GGUF metadata value types (gguf.md `gguf_metadata_value_type`). */
export const GGUF_VALUE_TYPE = {
  UINT8: 0,
  INT8: 1,
  UINT16: 2,
  INT16: 3,
  UINT32: 4,
  INT32: 5,
  FLOAT32: 6,
  BOOL: 7,
  STRING: 8,
  ARRAY: 9,
  UINT64: 10,
  INT64: 11,
  FLOAT64: 12,
} as const;

/**
 * GGML tensor type ids (ggml.h `enum ggml_type`) of the types in the catalog's block table.
 * `satisfies` makes a type added to ggml.ts without an id here a compile error.
 */
export const GGML_TYPE_ID = {
  F32: 0,
  F16: 1,
  Q4_0: 2,
  Q4_1: 3,
  Q5_0: 6,
  Q5_1: 7,
  Q8_0: 8,
  Q2_K: 10,
  Q3_K: 11,
  Q4_K: 12,
  Q5_K: 13,
  Q6_K: 14,
  IQ2_XXS: 16,
  IQ2_XS: 17,
  IQ3_XXS: 18,
  IQ1_S: 19,
  IQ4_NL: 20,
  IQ3_S: 21,
  IQ2_S: 22,
  IQ4_XS: 23,
  IQ1_M: 29,
  BF16: 30,
  TQ1_0: 34,
  TQ2_0: 35,
  MXFP4: 39,
} as const satisfies Record<GgmlType, number>;

/** An array stepped over rather than kept: its element type and length. */
export interface GgufArraySummary {
  readonly arrayType: number;
  readonly length: number;
}

export type GgufScalar = number | string | boolean;
export type GgufValue = GgufScalar | readonly GgufScalar[] | GgufArraySummary;

export interface GgufTensorInfo {
  name: string;
  /** GGML type id (`GGML_TYPE_ID`); not checked here: `tensorBytes` gives null for unknown ids. */
  type: number;
  /** ne[0], ne[1], ...: innermost (row length) first, as stored. */
  dims: number[];
  /** Bytes from `tensorDataOffset`. */
  offset: number;
}

export interface GgufHeader {
  version: 2 | 3;
  metadata: Map<string, GgufValue>;
  tensors: GgufTensorInfo[];
  /** Where the tensor data starts: the end of the tensor infos, padded to `alignment`. */
  tensorDataOffset: number;
  alignment: number;
  /** Bytes fetched from the source. */
  bytesRead: number;
}

export interface ReadGgufOptions {
  /** The largest header read, in bytes; 64 MiB by default. */
  maxHeaderBytes?: number;
  /** The first read's size, doubled for each further read; 256 KiB by default. */
  chunkBytes?: number;
}

/** A file that is not a GGUF header this reader accepts; the message is plain and short. */
export class GgufFormatError extends Error {
  override name = 'GgufFormatError';
}

export const MAX_TENSOR_COUNT = 1_000_000;
export const MAX_KV_COUNT = 100_000;
export const MAX_STRING_BYTES = 1 << 20;
export const MAX_NAME_BYTES = 65_535;
export const MAX_DIMS = 4;
export const MAX_KEPT_ARRAY_LENGTH = 1024;
export const DEFAULT_MAX_HEADER_BYTES = 64 << 20;
export const DEFAULT_CHUNK_BYTES = 256 << 10;
export const DEFAULT_ALIGNMENT = 32;
/** Nesting of arrays of arrays stepped over; gguf.cpp allows none, @huggingface/gguf 4. */
const MAX_ARRAY_DEPTH = 4;

/** Size in bytes of each fixed-size value type; strings and arrays are absent. */
const FIXED_SIZE: Readonly<Record<number, number>> = {
  0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8,
};

/** C0, DEL and C1 controls, and the line separators and bidirectional overrides that reorder text. */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029
    || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** A string from the file made safe to show: cut to 60 characters, control characters escaped. */
export function quoteForMessage(s: string): string {
  const chars = Array.from(s);
  const shown = chars.slice(0, 60).map((c) => {
    const code = c.codePointAt(0) ?? 0;
    if (isControl(code)) return `\\u${code.toString(16).padStart(4, '0')}`;
    return c === '"' || c === '\\' ? `\\${c}` : c;
  });
  return `"${shown.join('')}${chars.length > 60 ? '…' : ''}"`;
}

function fail(message: string): never {
  throw new GgufFormatError(message);
}

/** Bytes of a tensor of `type` with `dims`, or null for a type not in the table or a bad shape. */
export function tensorBytes(type: number, dims: readonly number[]): number | null {
  const name = ggmlTypeName(type);
  if (name === null || dims.length === 0) return null;
  const { blockWeights, blockBytes } = ggmlTypes[name];
  let count = 1;
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 1) return null;
    count *= d;
    if (!Number.isSafeInteger(count)) return null;
  }
  if ((dims[0] ?? 0) % blockWeights !== 0) return null;
  const bytes = (count / blockWeights) * blockBytes;
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** The catalog name of a GGML type id, or null when the table lacks it. */
export function ggmlTypeName(type: number): GgmlType | null {
  for (const [name, id] of Object.entries(GGML_TYPE_ID)) if (id === type) return name as GgmlType;
  return null;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** A cursor over the source that keeps only the bytes not yet consumed. */
class Reader {
  pos = 0;
  bytesRead = 0;
  private buf = new Uint8Array(0);
  private view = new DataView(this.buf.buffer);
  private bufStart = 0;
  private source: ByteSource;
  private maxHeaderBytes: number;
  private nextChunk: number;

  constructor(source: ByteSource, maxHeaderBytes: number, chunkBytes: number) {
    this.source = source;
    this.maxHeaderBytes = maxHeaderBytes;
    this.nextChunk = chunkBytes;
  }

  private get bufEnd(): number {
    return this.bufStart + this.buf.length;
  }

  /** True when bytes [pos, pos + n) are in memory. */
  has(n: number): boolean {
    return this.pos + n <= this.bufEnd;
  }

  /** Brings bytes [pos, pos + n) into memory, reading a chunk at least as big as the last one. */
  async fill(n: number, what: string): Promise<void> {
    if (this.has(n)) return;
    this.checkRoom(n, what);
    const limit = Math.min(this.source.size, this.maxHeaderBytes);
    const readStart = Math.max(this.bufEnd, this.pos);
    const readEnd = Math.min(limit, Math.max(this.pos + n, readStart + this.nextChunk));
    this.nextChunk = Math.min(this.nextChunk * 2, this.maxHeaderBytes);
    const got = await this.source.read(readStart, readEnd);
    if (!(got instanceof Uint8Array)) throw new TypeError('ByteSource.read must return a Uint8Array');
    const chunk = got.length > readEnd - readStart ? got.subarray(0, readEnd - readStart) : got;
    this.bytesRead += chunk.length;
    const kept = this.pos < this.bufEnd ? this.buf.subarray(this.pos - this.bufStart) : new Uint8Array(0);
    const next = new Uint8Array(kept.length + chunk.length);
    next.set(kept, 0);
    next.set(chunk, kept.length);
    this.buf = next;
    this.view = new DataView(next.buffer);
    this.bufStart = this.pos;
    if (!this.has(n)) fail(`The file ends inside the ${what} (it is truncated).`);
  }

  /** Fails unless bytes [pos, pos + n) lie within the file and the header limit. */
  checkRoom(n: number, what: string): void {
    if (this.pos + n > this.source.size) fail(`The file ends inside the ${what} (it is truncated).`);
    if (this.pos + n > this.maxHeaderBytes) {
      fail(`The header is larger than the ${formatBytes(this.maxHeaderBytes)} limit (at the ${what}).`);
    }
  }

  /** Moves past n bytes without reading them. */
  skip(n: number, what: string): void {
    this.checkRoom(n, what);
    this.pos += n;
  }

  private at(): number {
    return this.pos - this.bufStart;
  }

  // The getters below assume `fill` made room.
  u8(): number { const v = this.view.getUint8(this.at()); this.pos += 1; return v; }
  i8(): number { const v = this.view.getInt8(this.at()); this.pos += 1; return v; }
  u16(): number { const v = this.view.getUint16(this.at(), true); this.pos += 2; return v; }
  i16(): number { const v = this.view.getInt16(this.at(), true); this.pos += 2; return v; }
  u32(): number { const v = this.view.getUint32(this.at(), true); this.pos += 4; return v; }
  i32(): number { const v = this.view.getInt32(this.at(), true); this.pos += 4; return v; }
  f32(): number { const v = this.view.getFloat32(this.at(), true); this.pos += 4; return v; }
  f64(): number { const v = this.view.getFloat64(this.at(), true); this.pos += 8; return v; }
  /** A u64 as a number: exact below 2^53, and beyond it still larger than any limit compared. */
  u64(): number {
    const lo = this.view.getUint32(this.at(), true);
    const hi = this.view.getUint32(this.at() + 4, true);
    this.pos += 8;
    return hi * 2 ** 32 + lo;
  }
  /** An i64 as a number, exact within ±2^53 (check with Number.isSafeInteger). */
  i64(): number {
    const lo = this.view.getUint32(this.at(), true);
    const hi = this.view.getInt32(this.at() + 4, true);
    this.pos += 8;
    return hi * 2 ** 32 + lo;
  }
  text(n: number): string {
    const at = this.at();
    const s = decoder.decode(this.buf.subarray(at, at + n));
    this.pos += n;
    return s;
  }
}

function formatBytes(n: number): string {
  return n % (1 << 20) === 0 ? `${n / (1 << 20)} MiB` : `${n} bytes`;
}

/** A u64 length or count, read with room made for it. */
async function readSize(r: Reader, what: string): Promise<number> {
  await r.fill(8, what);
  return r.u64();
}

async function readString(r: Reader, maxBytes: number, what: string): Promise<string> {
  const length = await readSize(r, what);
  if (length > maxBytes) fail(`The ${what} is longer than ${formatBytes(maxBytes)}.`);
  await r.fill(length, what);
  return r.text(length);
}

/** A key or tensor name: short and free of control characters. */
async function readName(r: Reader, what: string): Promise<string> {
  const name = await readString(r, MAX_NAME_BYTES, what);
  if (Array.from(name).some((c) => isControl(c.codePointAt(0) ?? 0))) fail(`The ${what} ${quoteForMessage(name)} contains control characters.`);
  return name;
}

function isKnownType(t: number): boolean {
  return Number.isInteger(t) && t >= 0 && t <= GGUF_VALUE_TYPE.FLOAT64;
}

/** One scalar of a known non-array type; `key` names it in messages. */
async function readScalar(r: Reader, type: number, key: string): Promise<GgufScalar> {
  if (type === GGUF_VALUE_TYPE.STRING) return readString(r, MAX_STRING_BYTES, `string value of ${quoteForMessage(key)}`);
  const size = FIXED_SIZE[type] ?? fail(`Metadata ${quoteForMessage(key)} has an unknown value type ${type}.`);
  if (!r.has(size)) await r.fill(size, `value of ${quoteForMessage(key)}`);
  switch (type) {
    case GGUF_VALUE_TYPE.UINT8: return r.u8();
    case GGUF_VALUE_TYPE.INT8: return r.i8();
    case GGUF_VALUE_TYPE.UINT16: return r.u16();
    case GGUF_VALUE_TYPE.INT16: return r.i16();
    case GGUF_VALUE_TYPE.UINT32: return r.u32();
    case GGUF_VALUE_TYPE.INT32: return r.i32();
    case GGUF_VALUE_TYPE.FLOAT32: return r.f32();
    case GGUF_VALUE_TYPE.BOOL: return r.u8() !== 0;
    case GGUF_VALUE_TYPE.UINT64:
    case GGUF_VALUE_TYPE.INT64: {
      const v = type === GGUF_VALUE_TYPE.UINT64 ? r.u64() : r.i64();
      if (!Number.isSafeInteger(v)) fail(`Metadata ${quoteForMessage(key)} holds a 64-bit integer beyond ±2^53.`);
      return v;
    }
    default: return r.f64();
  }
}

/** Reads an array's element type and length, then keeps it (short, of scalars) or steps over it. */
async function readArray(r: Reader, key: string, depth: number): Promise<GgufValue> {
  const what = `array ${quoteForMessage(key)}`;
  await r.fill(12, what);
  const arrayType = r.u32();
  const length = r.u64();
  if (!isKnownType(arrayType)) fail(`The ${what} has an unknown element type ${arrayType}.`);
  if (arrayType === GGUF_VALUE_TYPE.ARRAY && depth + 1 >= MAX_ARRAY_DEPTH) {
    fail(`The ${what} nests arrays more than ${MAX_ARRAY_DEPTH} deep.`);
  }
  // The smallest element: its fixed size, a string's 8-byte length, an array's 12-byte head.
  const minElement = FIXED_SIZE[arrayType] ?? (arrayType === GGUF_VALUE_TYPE.STRING ? 8 : 12);
  if (length * minElement > Number.MAX_SAFE_INTEGER) fail(`The ${what} claims an absurd length.`);
  r.checkRoom(length * minElement, what);
  if (length <= MAX_KEPT_ARRAY_LENGTH && arrayType !== GGUF_VALUE_TYPE.ARRAY) {
    const values: GgufScalar[] = [];
    for (let i = 0; i < length; i++) values.push(await readScalar(r, arrayType, key));
    return values;
  }
  await skipElements(r, arrayType, length, what, depth);
  return { arrayType, length };
}

/** Steps over `length` elements of `arrayType` without decoding them. */
async function skipElements(r: Reader, arrayType: number, length: number, what: string, depth: number): Promise<void> {
  const fixed = FIXED_SIZE[arrayType];
  if (fixed !== undefined) {
    r.skip(length * fixed, what);
    return;
  }
  for (let i = 0; i < length; i++) {
    if (arrayType === GGUF_VALUE_TYPE.STRING) {
      if (!r.has(8)) await r.fill(8, what);
      const n = r.u64();
      r.skip(n, what);
    } else {
      await r.fill(12, what);
      const innerType = r.u32();
      const innerLength = r.u64();
      if (!isKnownType(innerType)) fail(`The ${what} has an unknown element type ${innerType}.`);
      if (innerType === GGUF_VALUE_TYPE.ARRAY && depth + 2 >= MAX_ARRAY_DEPTH) {
        fail(`The ${what} nests arrays more than ${MAX_ARRAY_DEPTH} deep.`);
      }
      const minElement = FIXED_SIZE[innerType] ?? (innerType === GGUF_VALUE_TYPE.STRING ? 8 : 12);
      if (innerLength * minElement > Number.MAX_SAFE_INTEGER) fail(`The ${what} claims an absurd length.`);
      r.checkRoom(innerLength * minElement, what);
      await skipElements(r, innerType, innerLength, what, depth + 1);
    }
  }
}

function checkOptions(source: ByteSource, options: ReadGgufOptions): { maxHeaderBytes: number; chunkBytes: number } {
  if (!Number.isSafeInteger(source.size) || source.size < 0) throw new RangeError('ByteSource.size must be a non-negative integer');
  const maxHeaderBytes = options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES;
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isSafeInteger(maxHeaderBytes) || maxHeaderBytes < 1) throw new RangeError('maxHeaderBytes must be a positive integer');
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1) throw new RangeError('chunkBytes must be a positive integer');
  return { maxHeaderBytes, chunkBytes };
}

/**
 * Reads the header of the GGUF file behind `source`: metadata, tensor infos, where the data
 * starts. Throws `GgufFormatError` for anything this reader does not accept (see the file's
 * comment for the limits); errors of the source itself pass through unchanged.
 */
export async function readGgufHeader(source: ByteSource, options: ReadGgufOptions = {}): Promise<GgufHeader> {
  const { maxHeaderBytes, chunkBytes } = checkOptions(source, options);
  const r = new Reader(source, maxHeaderBytes, chunkBytes);

  if (source.size < 4) fail('The file is too short to be a GGUF file.');
  await r.fill(4, 'magic number');
  if (r.u32() !== 0x46554747) fail('Not a GGUF file: it does not start with "GGUF".');
  await r.fill(4, 'version');
  const rawVersion = r.u32();
  if ((rawVersion & 0xffff) === 0 && rawVersion !== 0) {
    fail('This GGUF file is big-endian; only little-endian GGUF files are supported.');
  }
  if (rawVersion !== 2 && rawVersion !== 3) fail(`Unsupported GGUF version ${rawVersion} (versions 2 and 3 are read).`);
  const version = rawVersion === 2 ? 2 : 3;

  const tensorCount = await readSize(r, 'tensor count');
  if (tensorCount > MAX_TENSOR_COUNT) fail(`The header claims more than ${MAX_TENSOR_COUNT.toLocaleString('en')} tensors.`);
  const kvCount = await readSize(r, 'metadata count');
  if (kvCount > MAX_KV_COUNT) fail(`The header claims more than ${MAX_KV_COUNT.toLocaleString('en')} metadata pairs.`);

  const metadata = new Map<string, GgufValue>();
  for (let i = 0; i < kvCount; i++) {
    const key = await readName(r, 'metadata key');
    if (metadata.has(key)) fail(`Metadata key ${quoteForMessage(key)} appears twice.`);
    await r.fill(4, `type of ${quoteForMessage(key)}`);
    const type = r.u32();
    if (!isKnownType(type)) fail(`Metadata ${quoteForMessage(key)} has an unknown value type ${type}.`);
    const value = type === GGUF_VALUE_TYPE.ARRAY ? await readArray(r, key, 0) : await readScalar(r, type, key);
    metadata.set(key, value);
  }

  const alignment = checkAlignment(metadata.get('general.alignment'));

  const tensors: GgufTensorInfo[] = [];
  const names = new Set<string>();
  for (let i = 0; i < tensorCount; i++) {
    const name = await readName(r, 'tensor name');
    if (names.has(name)) fail(`Tensor ${quoteForMessage(name)} appears twice.`);
    names.add(name);
    const shown = quoteForMessage(name);
    await r.fill(4, `dimensions of tensor ${shown}`);
    const nDims = r.u32();
    if (nDims < 1 || nDims > MAX_DIMS) fail(`Tensor ${shown} has ${nDims} dimensions (1 to ${MAX_DIMS} are allowed).`);
    await r.fill(8 * nDims + 12, `tensor info of ${shown}`);
    const dims: number[] = [];
    let count = 1;
    for (let d = 0; d < nDims; d++) {
      const dim = r.u64();
      if (dim < 1) fail(`Tensor ${shown} has an empty dimension.`);
      count *= dim;
      if (!Number.isSafeInteger(count)) fail(`Tensor ${shown} has more elements than can be counted exactly.`);
      dims.push(dim);
    }
    const type = r.u32();
    const offset = r.u64();
    if (!Number.isSafeInteger(offset)) fail(`Tensor ${shown} has an offset beyond 2^53.`);
    if (offset % alignment !== 0) fail(`Tensor ${shown} has an offset that is not a multiple of the alignment ${alignment}.`);
    tensors.push({ name, type, dims, offset });
  }

  const tensorDataOffset = Math.ceil(r.pos / alignment) * alignment;
  return { version, metadata, tensors, tensorDataOffset, alignment, bytesRead: r.bytesRead };
}

/** `general.alignment`: absent (32) or a power of two that fits a u32, as gguf.cpp requires. */
function checkAlignment(value: GgufValue | undefined): number {
  if (value === undefined) return DEFAULT_ALIGNMENT;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 2 ** 31 || (value & (value - 1)) !== 0) {
    fail('general.alignment is not a power of two.');
  }
  return value;
}
