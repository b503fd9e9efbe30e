/**
 * The engine's warnings and errors are worded for the command line (they name Rigbook CLI flags
 * such as `--ram-bandwidth-gbs`). Calculators show them to readers who have no flags, only fields:
 * this maps each CLI phrase to the calculator's words. Tool flags readers type themselves
 * (llama.cpp `--n-cpu-moe`, `-ngl`, `--mmproj`, vLLM `--cpu-offload-gb`, `sysctl`) stay.
 */

/** [CLI phrase, reader's phrase]: applied in order. */
const PHRASES: readonly [RegExp, string][] = [
  [/ \(give --ram-bandwidth-gbs\)/, ' (a typical dual-channel DDR5 desktop; faster RAM speeds up the part in system RAM)'],
  [/so --ram-gb adds nothing; raise the GPU share instead \(sysctl iogpu\.wired_limit_mb, --gpu-share\)/, 'so “System RAM for offload” adds nothing; macOS lets the GPU use more of it after sudo sysctl iogpu.wired_limit_mb=…'],
  [/ and pass --gpu-share/, ''],
  [/^no --tflops given: /, 'no compute speed (TFLOPS) given: '],
  [/give --model or a raw architecture/, 'choose a model or give a raw architecture'],
  [/^raw hardware needs /, 'a custom device needs '],
  [/ with --gguf\b/, ' for a .gguf file'],
];

/** An engine warning or error in the calculator's words (unchanged when it names no CLI flag). */
export function forReaders(message: string): string {
  let out = message;
  for (const [from, to] of PHRASES) out = out.replace(from, to);
  return out.replace(/--(ram-gb|gpu-share|ram-bandwidth-gbs|tflops|memory-gb|bandwidth-gbs|interconnect|quant|backend|kv-cache)\b/g, (_, f: string) => FIELD_WORDS[f] ?? f);
}

/** Any Rigbook flag left over, named by what the calculators call it. */
const FIELD_WORDS: Record<string, string> = {
  'ram-gb': '“System RAM for offload”',
  'gpu-share': 'the GPU memory share',
  'ram-bandwidth-gbs': 'the system RAM bandwidth',
  tflops: 'the compute speed (TFLOPS)',
  'memory-gb': 'the memory size',
  'bandwidth-gbs': 'the memory bandwidth',
  interconnect: 'the interconnect',
  quant: 'the weight format',
  backend: 'the backend',
  'kv-cache': 'the KV-cache type',
};
