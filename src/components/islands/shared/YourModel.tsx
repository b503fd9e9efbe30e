/**
 * "Your model": beside the catalog's model picker, the reader pastes a model's config.json or
 * chooses a local .gguf file, and the calculator sizes that model instead, with the same engine as
 * the CLI (`--config`, `--gguf`). The file is read in place (its header only, through
 * `File.slice`), never uploaded, so it works offline; the code that reads it
 * (./your-model-reader.ts) is fetched only when the reader gives a model.
 *
 * A link cannot carry a file or a pasted text: while one is in use the link keeps the other fields
 * and the frame says so. Everything the reader's file or text holds (names, messages quoting it) is
 * rendered as text, never as markup.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EstimateRequest, FieldError } from '../../../lib/request.ts';
import type { GgufModelSource } from '../../../lib/import/gguf.ts';
import { formatBytes, type MemoryUnit } from '../../../lib/format/index.ts';
import { loadEngine, runEstimate } from './engine.ts';

/** The model the reader gave, with a number that changes with each one (for result keys). */
export type YourModelSource =
  | { kind: 'config'; id: number; name: string; config: Record<string, unknown> }
  | { kind: 'gguf'; id: number; name: string; fileName: string; bytesRead: number; gguf: GgufModelSource };

/** The request of the calculator for the reader's model: `config` or `gguf` instead of the catalog model. */
export function withYourModel(req: EstimateRequest, source: YourModelSource | null): EstimateRequest {
  if (!source) return req;
  const out: EstimateRequest = { ...req };
  delete out.model;
  if (source.kind === 'config') return { ...out, config: source.config };
  // A GGUF file has its own tensor types: no weight format with it.
  delete out.quant;
  delete out.bpw;
  return { ...out, gguf: source.gguf };
}

/**
 * The key of a view with the reader's model: the request without the model's object (a GGUF
 * header can hold thousands of tensors) and the model's number.
 */
export function yourModelKey(key: string, source: YourModelSource | null): string {
  return source ? `${key}|${source.kind}:${source.id}` : key;
}

/** What the link note says while the reader's model is in use. */
export function linkNoteOf(source: YourModelSource | null): string | undefined {
  if (!source) return undefined;
  const what = source.kind === 'gguf' ? `your file “${source.fileName}”` : 'the config.json you pasted';
  return `The link cannot carry ${what}: it stays on this device. The link keeps the other fields.`;
}

/** The selection fields a link leaves out while the reader's model is in use. */
export function urlOmitOf(source: YourModelSource | null): readonly string[] {
  return !source ? [] : source.kind === 'gguf' ? ['model', 'quant'] : ['model'];
}

/** A problem with what the reader gave, shown next to the field it came from. */
interface ReadError { field: 'config' | 'gguf'; message: string }

/** The state of "your model" in one calculator. */
export interface YourModel {
  source: YourModelSource | null;
  /** What is being read, for the live status line; '' when nothing is. */
  busy: string;
  error: ReadError | null;
  text: string;
  setText: (t: string) => void;
  readConfig: () => Promise<void>;
  readFile: (file: File) => Promise<void>;
  clear: () => void;
  /** The calculator's request without the reader's model, set by the calculator on each render: the engine checks a new model with it. */
  base: { current: EstimateRequest | null };
}

const loadReader = () => import('./your-model-reader.ts');

/**
 * The reader's model for a calculator: reads what they give, has the engine check it with the
 * calculator's request (`base`; a model the engine refuses is not used: its message stays next to
 * the field), and moves focus to the results once it is in use, to the field on a problem, and
 * back to the model picker when cleared. `idp` is the calculator's id prefix.
 */
export function useYourModel(idp: string): YourModel {
  const [source, setSource] = useState<YourModelSource | null>(null);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState<ReadError | null>(null);
  const [text, setText] = useState('');
  const [focus, setFocus] = useState<{ id: string } | null>(null);
  const baseRef = useRef<EstimateRequest | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);

  /** Ends a read: the model in use, or the problem next to its field. Ignored when a newer read began. */
  const finish = (n: number, field: ReadError['field'], outcome: { source: YourModelSource } | { message: string }): void => {
    if (n !== seq.current) return;
    setBusy('');
    if ('source' in outcome) {
      setError(null);
      setSource(outcome.source);
      setFocus({ id: `${idp}-results` });
    } else {
      setError({ field, message: outcome.message });
      setFocus({ id: `${idp}-${field}` });
    }
  };

  /** The engine's problem with the model itself, or null when it takes it. */
  const check = async (candidate: YourModelSource): Promise<string | null> => {
    try {
      await loadEngine();
    } catch {
      return 'The calculator could not fetch its engine (offline?). Try again.';
    }
    const out = runEstimate(withYourModel(baseRef.current ?? {}, candidate));
    return out.errors.find((e) => e.field === candidate.kind)?.message ?? null;
  };

  const readConfig = async (): Promise<void> => {
    const n = ++seq.current;
    setBusy('Reading the config.json…');
    setError(null);
    let reader;
    try {
      reader = await loadReader();
    } catch {
      finish(n, 'config', { message: 'The calculator could not fetch its reader (offline?). Try again.' });
      return;
    }
    const parsed = reader.parseConfigText(text);
    if (!parsed.ok) {
      finish(n, 'config', parsed);
      return;
    }
    const candidate: YourModelSource = { kind: 'config', id: n, name: parsed.name, config: parsed.config };
    const problem = await check(candidate);
    finish(n, 'config', problem ? { message: problem } : { source: candidate });
  };

  const readFile = async (file: File): Promise<void> => {
    const n = ++seq.current;
    const fileName = file.name || 'the file';
    setBusy(`Reading the header of “${fileName}” on this device…`);
    setError(null);
    let reader;
    try {
      reader = await loadReader();
    } catch {
      finish(n, 'gguf', { message: 'The calculator could not fetch its reader (offline?). Try again.' });
      return;
    }
    const read = await reader.readGgufFile(file);
    if (!read.ok) {
      finish(n, 'gguf', { message: `“${fileName}”: ${read.message}` });
      return;
    }
    const candidate: YourModelSource = { kind: 'gguf', id: n, name: read.name, fileName, bytesRead: read.bytesRead, gguf: read.source };
    const problem = await check(candidate);
    finish(n, 'gguf', problem ? { message: `“${fileName}”: ${problem}` } : { source: candidate });
  };

  const clear = (): void => {
    seq.current++;
    setSource(null);
    setBusy('');
    setError(null);
    setFocus({ id: `${idp}-model` });
  };

  return { source, busy, error, text, setText, readConfig, readFile, clear, base: baseRef };
}

/**
 * The "your model" controls: while a model of the reader's is in use, its name, where it comes from
 * and a Clear button; below, a disclosure with the config.json field and the .gguf file field.
 * `errors` are the engine's problems with the current request (those about the model show here).
 */
export function YourModelFields(props: { idp: string; ym: YourModel; errors: readonly FieldError[]; unit: MemoryUnit }): JSX.Element {
  const { idp, ym } = props;
  const s = ym.source;
  const engineError = s ? props.errors.find((e) => e.field === s.kind)?.message : undefined;
  const cfgErr = ym.error?.field === 'config' ? ym.error.message : undefined;
  const ggufErr = ym.error?.field === 'gguf' ? ym.error.message : undefined;
  return (
    <div class="rb-your-model" data-testid="your-model">
      {s && (
        <div class="rb-your-model-active" data-testid="your-model-active">
          <p><span class="rb-muted">Your model:</span> <strong data-testid="your-model-name">{s.name}</strong></p>
          <p class="rb-muted" data-testid="your-model-from">{s.kind === 'gguf'
            ? `From your file “${s.fileName}”, read on this device (its header only: ${formatBytes(s.bytesRead, props.unit)} read); weights in the file’s own tensor types.`
            : 'From the config.json you pasted; weights counted from its shapes in the format chosen below.'}</p>
          {engineError && <p class="rb-err"><span aria-hidden="true">⚠ </span>{engineError}</p>}
          <button type="button" data-testid="your-model-clear" onClick={ym.clear}>Clear: back to the catalog model</button>
        </div>
      )}
      <details class="rb-your-model-form">
        <summary>{s ? 'Use another model of your own' : 'Or use your own model: a config.json or a .gguf file'}</summary>
        <div class={`rb-field${cfgErr ? ' rb-invalid' : ''}`}>
          <label for={`${idp}-config`}>Paste a config.json</label>
          <textarea id={`${idp}-config`} rows={4} spellcheck={false} autoComplete="off" value={ym.text} data-testid="your-model-config"
            aria-invalid={cfgErr ? 'true' : undefined} aria-describedby={`${idp}-config-hint${cfgErr ? ` ${idp}-config-err` : ''}`}
            onInput={(e) => ym.setText((e.currentTarget as HTMLTextAreaElement).value)} />
          <small id={`${idp}-config-hint`} class="rb-hint">The text of the model’s config.json (on Hugging Face: Files and versions).</small>
          <button type="button" data-testid="your-model-use-config" onClick={() => void ym.readConfig()}>Use this config.json</button>
          <div aria-live="assertive">{cfgErr && <small id={`${idp}-config-err`} class="rb-err" data-testid="your-model-config-error"><span aria-hidden="true">⚠ </span>{cfgErr}</small>}</div>
        </div>
        <div class={`rb-field${ggufErr ? ' rb-invalid' : ''}`}>
          <label for={`${idp}-gguf`}>Or choose a .gguf file</label>
          <input id={`${idp}-gguf`} type="file" accept=".gguf" data-testid="your-model-file"
            aria-invalid={ggufErr ? 'true' : undefined} aria-describedby={`${idp}-gguf-hint${ggufErr ? ` ${idp}-gguf-err` : ''}`}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void ym.readFile(file);
            }} />
          <small id={`${idp}-gguf-hint`} class="rb-hint">Read on this device, the header only; nothing is uploaded.</small>
          <div aria-live="assertive">{ggufErr && <small id={`${idp}-gguf-err`} class="rb-err" data-testid="your-model-gguf-error"><span aria-hidden="true">⚠ </span>{ggufErr}</small>}</div>
        </div>
      </details>
      <p class="rb-muted" role="status" data-testid="your-model-status">{ym.busy}</p>
    </div>
  );
}

/** The line atop a result of the reader's model: which file or text it comes from. */
export function ResultSource(props: { source: YourModelSource | null }): JSX.Element | null {
  const s = props.source;
  if (!s) return null;
  return (
    <p class="rb-notes" data-testid="result-source">{s.kind === 'gguf'
      ? `For your file “${s.fileName}” (${s.name}), read on this device.`
      : `For the config.json you pasted (${s.name}).`}</p>
  );
}
