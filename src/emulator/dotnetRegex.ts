/**
 * The emulator's own reading of the schema's `format` attribute: `regex('<.NET pattern>')`, or
 * `"true"`. It is deliberately separate from `src/schema` (the client's), so the two can disagree and
 * the tests can see it.
 */
export type FieldFormat =
  | { kind: 'none' }
  | { kind: 'true' }
  | { kind: 'regex'; regex: RegExp }
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

/** .NET syntax → a JavaScript RegExp: leading inline options become flags, `\A` `\Z` `\z` anchors. */
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
  source = source
    .replace(/\(\?'([A-Za-z_]\w*)'/g, '(?<$1>')
    .replace(/(^|[^\\])\\A/g, '$1^')
    .replace(/(^|[^\\])\\[Zz]/g, '$1$')
  if (/\\[pP]\{/.test(source)) flags += 'u'
  try {
    return { kind: 'regex', regex: new RegExp(source, flags) }
  } catch (error) {
    return { kind: 'untranslatable', pattern, reason: error instanceof Error ? error.message : 'invalid pattern' }
  }
}
