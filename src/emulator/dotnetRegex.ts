/**
 * The emulator's own reading of the schema's `format` attribute: `regex('<.NET pattern>')`, or
 * `"true"`. It is deliberately separate from `src/schema` (the client's), so the two can disagree and
 * the tests can see it.
 */
import { judgeBacktracking } from '../shared/backtracking'

/**
 * `maxInputLength` bounds the values the regex is tested on (see `backtracking.ts`): a longer value
 * is not checked, as SAP's server gives up on a match that times out.
 */
export type FieldFormat =
  | { kind: 'none' }
  | { kind: 'true' }
  | { kind: 'regex'; regex: RegExp; maxInputLength?: number }
  | { kind: 'untranslatable'; pattern: string; reason: string }

const UNSUPPORTED: ReadonlyArray<[RegExp, string]> = [
  [/\(\?>/, 'atomic groups'],
  [/\(\?\(/, 'conditionals'],
  [/\(\?<[A-Za-z_]\w*-\w*>|\(\?'[A-Za-z_]\w*-\w*'/, 'balancing groups'],
  [/-\[/, 'character class subtraction'],
  [/\\p\{Is/, 'Unicode block names'],
  [/\(\?[imnsx-]+:/, 'scoped inline options'],
  [/\(\?[imnsx-]*x/, 'the x (ignore whitespace) option'],
]

export function parseFormat(format: unknown): FieldFormat {
  if (typeof format !== 'string' || format.trim() === '') return { kind: 'none' }
  if (format.trim().toLowerCase() === 'true') return { kind: 'true' }
  const match = /^\s*regex\('([\s\S]*)'\)\s*$/.exec(format)
  if (!match) return { kind: 'untranslatable', pattern: format, reason: 'not of the form regex(...)' }
  return translateDotnetRegex(match[1] as string)
}

/**
 * .NET syntax → a JavaScript RegExp: leading inline options become flags, `\A` `\Z` `\z` anchors.
 * Patterns that could backtrack catastrophically are untranslatable, so no request can hang the
 * emulator.
 */
export function translateDotnetRegex(pattern: string): FieldFormat {
  if (pattern === '') return { kind: 'none' }
  for (const [test, reason] of UNSUPPORTED) {
    if (test.test(pattern)) return { kind: 'untranslatable', pattern, reason }
  }
  let source = pattern
  let flags = ''
  const options = /^\(\?([imnsx]+)\)/.exec(source)
  if (options) {
    source = source.slice(options[0].length)
    for (const option of options[1] as string) {
      if (option === 'i' || option === 'm' || option === 's') flags += flags.includes(option) ? '' : option
    }
  }
  if (/\(\?[imnsx-]+\)/.test(source))
    return { kind: 'untranslatable', pattern, reason: 'inline options inside the pattern' }
  // \A and \z anchor to the whole input; under `m` JavaScript's ^ and $ would anchor to each line.
  const multiline = flags.includes('m')
  source = source
    .replace(/\(\?'([A-Za-z_]\w*)'/g, '(?<$1>')
    .replace(/\\k'([A-Za-z_]\w*)'/g, '\\k<$1>')
    .replace(/(^|[^\\])\\A/g, multiline ? '$1(?<![\\s\\S])' : '$1^')
    .replace(/(^|[^\\])\\[Zz]/g, multiline ? '$1(?![\\s\\S])' : '$1$$')
  if (/\\[pP]\{/.test(source)) flags += 'u'
  let regex: RegExp
  try {
    regex = new RegExp(readAsDotnet(source, flags.includes('u')), flags)
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

/** Characters a `u` pattern lets one escape; .NET lets one escape any non-word character. */
const ESCAPABLE_UNDER_U = '^$\\.*+?()[]{}|/'

/**
 * Where JavaScript reads .NET syntax differently: a `]` first in a class is a literal in .NET (`[]a]`),
 * not an empty class; and under the `u` flag JavaScript refuses escapes of other punctuation (`\-`,
 * `\#`) and a lone `]`, which .NET reads as literals.
 */
function readAsDotnet(source: string, unicode: boolean): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i += 1) {
    const char = source.charAt(i)
    if (char === '\\') {
      const escaped = source.charAt(i + 1)
      i += 1
      const literal =
        unicode && !/[0-9A-Za-z]/.test(escaped) && !ESCAPABLE_UNDER_U.includes(escaped) && !(inClass && escaped === '-')
      out += literal ? escaped : `\\${escaped}`
    } else if (inClass) {
      if (char === ']') inClass = false
      out += char
    } else if (char === '[') {
      inClass = true
      const negated = source.charAt(i + 1) === '^'
      out += negated ? '[^' : '['
      i += negated ? 1 : 0
      if (source.charAt(i + 1) === ']') {
        out += '\\]'
        i += 1
      }
    } else {
      out += unicode && char === ']' ? '\\]' : char
    }
  }
  return out
}
