/**
 * Reading the reader's own model, fetched only when they give one (./your-model.tsx imports it
 * dynamically, so it is a chunk of its own): a pasted config.json parsed into an object, or the
 * header of a local .gguf file read through `File.slice` with the library's reader. Nothing leaves
 * the device: the file is read in place, a few hundred KiB from its start, never uploaded. The
 * engine checks what these return (its messages name the field); this module only turns bytes and
 * text into the request's `config` and `gguf` objects, and never throws.
 */
import { GgufFormatError, readGgufHeader, type ByteSource } from '../../../lib/import/gguf-reader.ts';
import type { GgufModelSource } from '../../../lib/import/gguf.ts';
import { modelImporters } from '../../../lib/import/importers.ts';
import { excerpt } from '../../../lib/request.ts';
// The engine checks every model read here, so it is needed anyway; importing it keeps the modules
// the two share (the GGML block table, the request's wording) in the engine's chunk, instead of
// splitting them into a third chunk that every calculator would then fetch with the engine. The
// file readers themselves live here and are handed to the engine before it sees a model read here.
import { registerModelImporters } from './compute.ts';

/** The largest config.json accepted, as the CLI's reader (real ones are a few KiB). */
export const MAX_CONFIG_CHARS = 4 * 2 ** 20;

/** A pasted config.json as an object, or why it is not one (plain text, shown as text). */
export type ConfigRead = { ok: true; config: Record<string, unknown>; name: string } | { ok: false; message: string };

/** Parses the text of a config.json; the engine checks its fields. */
export function parseConfigText(text: string): ConfigRead {
  registerModelImporters(modelImporters);
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Paste the text of a config.json first.' };
  if (trimmed.length > MAX_CONFIG_CHARS) return { ok: false, message: 'This text is too long for a config.json (more than 4 MiB).' };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (e) {
    return { ok: false, message: `This is not valid JSON: ${excerpt((e as Error).message || 'it could not be parsed', 120)}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: 'A config.json is a JSON object ({ … }); this is not one.' };
  const config = value as Record<string, unknown>;
  return { ok: true, config, name: configName(config) };
}

/** A name to show for a config.json: its `_name_or_path`, first architecture class or model_type. */
function configName(c: Record<string, unknown>): string {
  const path = c['_name_or_path'];
  const arch = Array.isArray(c['architectures']) ? c['architectures'][0] : undefined;
  const raw = typeof path === 'string' && path.trim() !== '' ? path.split('/').pop() ?? path
    : typeof arch === 'string' && arch !== '' ? arch
      : typeof c['model_type'] === 'string' ? c['model_type'] : 'your config.json';
  return excerpt(raw, 80);
}

/** A GGUF header as the engine takes it, with its name and the bytes read to get it; or why not. */
export type GgufRead = { ok: true; source: GgufModelSource; name: string; bytesRead: number } | { ok: false; message: string };

/** The file as the header reader's byte source: each read is a `slice` of the file, read in place. */
function fileSource(file: Blob): ByteSource {
  return { size: file.size, read: (start, end) => file.slice(start, end).arrayBuffer().then((b) => new Uint8Array(b)) };
}

/** Reads the header of a local GGUF file (metadata and tensor infos, never the tensor data). */
export async function readGgufFile(file: Blob): Promise<GgufRead> {
  registerModelImporters(modelImporters);
  let header;
  try {
    header = await readGgufHeader(fileSource(file));
  } catch (e) {
    if (e instanceof GgufFormatError) return { ok: false, message: e.message };
    return { ok: false, message: 'The browser could not read this file (was it moved or deleted?).' };
  }
  // A null-prototype object: keys such as "__proto__" or "constructor" in a file are plain keys.
  const metadata = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of header.metadata) metadata[key] = value;
  const tensors = header.tensors.map(({ name, type, dims }) => ({ name, type, dims }));
  const n = metadata['general.name'];
  const arch = metadata['general.architecture'];
  const name = typeof n === 'string' && n.trim() !== '' ? n.trim() : typeof arch === 'string' ? arch : 'model';
  return { ok: true, source: { metadata, tensors }, name: excerpt(name, 80), bytesRead: header.bytesRead };
}
