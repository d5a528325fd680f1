/**
 * The emulator's own reading of the schema's `format` attribute: `regex('<.NET pattern>')`, or
 * `"true"`. It is deliberately separate from `src/schema` (the client's), so the two can disagree and
 * the tests can see it.
 */
import { judgeBacktracking } from '../shared/backtracking'
import { readDotnetPattern } from './dotnetSyntax'

/**
 * `maxInputLength` bounds the values the regex is tested on (see `backtracking.ts`): a longer value
 * is not checked, as SAP's server gives up on a match that times out.
 */
export type FieldFormat =
  | { kind: 'none' }
  | { kind: 'true' }
  | { kind: 'regex'; regex: RegExp; maxInputLength?: number }
  | { kind: 'untranslatable'; pattern: string; reason: string }

export function parseFormat(format: unknown): FieldFormat {
  if (typeof format !== 'string' || format.trim() === '') return { kind: 'none' }
  if (format.trim().toLowerCase() === 'true') return { kind: 'true' }
  const match = /^\s*regex\('([\s\S]*)'\)\s*$/.exec(format)
  if (!match) return { kind: 'untranslatable', pattern: format, reason: 'not of the form regex(...)' }
  return translateDotnetRegex(match[1] as string)
}

/**
 * .NET syntax → a JavaScript RegExp of the same meaning (see `dotnetSyntax.ts`). Patterns that could
 * backtrack catastrophically are untranslatable, so no request can hang the emulator.
 */
export function translateDotnetRegex(pattern: string): FieldFormat {
  if (pattern === '') return { kind: 'none' }
  const reading = readDotnetPattern(pattern)
  if ('refused' in reading) return { kind: 'untranslatable', pattern, reason: reading.refused }
  let regex: RegExp
  try {
    regex = new RegExp(reading.source, reading.flags)
  } catch (error) {
    return { kind: 'untranslatable', pattern, reason: error instanceof Error ? error.message : 'invalid pattern' }
  }
  const backtracking = judgeBacktracking(regex.source, regex.flags)
  if (backtracking.refused !== undefined) return { kind: 'untranslatable', pattern, reason: backtracking.refused }
  const { maxInputLength } = backtracking
  return { kind: 'regex', regex, ...(maxInputLength !== undefined && { maxInputLength }) }
}

/** Whether `value` passes a regex format; a value too long to test safely passes (the format is skipped). */
export function passesFormat(format: Extract<FieldFormat, { kind: 'regex' }>, value: string): boolean {
  if (format.maxInputLength !== undefined && value.length > format.maxInputLength) return true
  return format.regex.test(value)
}
