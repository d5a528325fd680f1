/**
 * The static part of reading a schema `format`: what every page needs (`none`, `true`, unwrapping
 * `regex('…')`, testing a translated pattern). The .NET translator and its backtracking guard live in
 * `translateDotnetRegex.ts`, which the screen-sets load on demand, and only for a site with patterns.
 */

/** A .NET pattern that the browser cannot check; the field is then judged by the server alone. */
export interface UntranslatablePattern {
  kind: 'untranslatable'
  pattern: string
  reason: string
}

/**
 * `pattern` keeps the .NET original, to show the expected format in messages. `maxInputLength`, when
 * present, bounds the values the regex may be tested on: longer ones could backtrack for too long,
 * and are left to the server (see `backtracking.ts`).
 */
export type TranslatedPattern =
  { kind: 'regex'; regex: RegExp; pattern: string; maxInputLength?: number } | UntranslatablePattern

/** What a schema `format` asks of a value. */
export type ParsedFormat = { kind: 'none' } | { kind: 'true' } | TranslatedPattern

/** Turns a .NET pattern into a JavaScript one: `translateDotnetRegex`, passed in so it can load on demand. */
export type TranslatePattern = (pattern: string) => TranslatedPattern

const REGEX_FORMAT = /^regex\('([\s\S]*)'\)$/

/**
 * Reads a schema field's `format` the way SAP's screen-set engine does, translating a pattern with
 * `translate`. Schemas come from the site's console and may hold anything, so this never throws: what
 * it cannot use becomes `untranslatable` and the server stays the judge.
 */
export function readFormat(format: unknown, translate: TranslatePattern): ParsedFormat {
  if (format === undefined || format === null || format === '') return { kind: 'none' }
  if (typeof format !== 'string') return untranslatable(display(format), 'format is not a string')
  const trimmed = format.trim()
  if (trimmed === 'true') return { kind: 'true' }
  const pattern = formatPattern(trimmed)
  if (pattern === undefined) return untranslatable(trimmed, 'unknown format')
  return pattern === '' ? { kind: 'none' } : translate(pattern)
}

/** The pattern of a `regex('…')` format (empty for `regex('')`), or undefined for any other format. */
export function formatPattern(format: unknown): string | undefined {
  if (typeof format !== 'string') return undefined
  const wrapped = REGEX_FORMAT.exec(format.trim())
  return wrapped ? (wrapped[1] ?? '') : undefined
}

/**
 * Whether `value` matches a translated pattern, or undefined when it is too long to test without
 * risking a frozen page (`maxInputLength`): then the server alone judges it.
 */
export function testPattern(pattern: { regex: RegExp; maxInputLength?: number }, value: string): boolean | undefined {
  if (pattern.maxInputLength !== undefined && value.length > pattern.maxInputLength) return undefined
  return pattern.regex.test(value)
}

export function untranslatable(pattern: string, reason: string): UntranslatablePattern {
  return { kind: 'untranslatable', pattern, reason }
}

/** A readable stand-in for a malformed format, for the warning; some values (BigInt, cycles) defeat JSON. */
function display(value: unknown): string {
  try {
    return JSON.stringify(value) ?? typeof value
  } catch {
    return typeof value
  }
}
