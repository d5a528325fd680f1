import { judgeBacktracking } from '../shared/backtracking'
import { providePatternTranslator } from './patternSupport'
import { untranslatable, type TranslatedPattern } from './readFormat'

const LEADING_OPTIONS = /^\(\?([imnsx]+)\)/
const INLINE_OPTIONS = /^\(\?[imnsx]*-?[imnsx]*[:)]/
const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/
/** Characters JavaScript lets a `u` pattern escape; .NET allows more, which are then plain literals. */
const JS_SYNTAX_CHARACTERS = '^$\\.*+?()[]{}|/'
/** Escapes of more than one letter, read whole so that a class range starts or ends at the right place. */
const MULTI_CHARACTER_ESCAPE = /^(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|c[A-Za-z]|[0-7]{1,3})/
/** Characters written escaped inside a JavaScript class, where they could otherwise be syntax. */
const CLASS_SYNTAX = '\\]-[^'
/** .NET escapes whose letter JavaScript reads as something else (or, without `u`, as the bare letter). */
const ESCAPE_REPLACEMENTS: Readonly<Record<string, string>> = { a: '\\x07', e: '\\x1B' }

/**
 * Translates a .NET regular expression into a JavaScript RegExp with the same meaning, or says why it
 * cannot. Patterns prone to catastrophic backtracking are refused too, and the rest bounded in the
 * input length they are tested on (the rule is in `backtracking.ts`): the browser would freeze on a
 * keystroke, while the server has a match timeout.
 */
export function translateDotnetRegex(pattern: string): TranslatedPattern {
  let rest = pattern
  const flags = new Set<string>()
  for (let options = LEADING_OPTIONS.exec(rest); options; options = LEADING_OPTIONS.exec(rest)) {
    const letters = options[1] ?? ''
    if (letters.includes('x')) return untranslatable(pattern, 'option x (ignore pattern whitespace)')
    // `n` (explicit capture) only changes group numbering, which no JavaScript check relies on.
    for (const letter of letters.replace(/n/g, '')) flags.add(letter)
    rest = rest.slice(options[0].length)
  }

  let out = ''
  let i = 0
  while (i < rest.length) {
    const char = rest.charAt(i)

    if (char === '\\') {
      const escape = translateEscape(rest, i, false, flags.has('m'))
      if ('reason' in escape) return untranslatable(pattern, escape.reason)
      if (escape.unicode) flags.add('u')
      out += escape.text
      i = escape.end
      continue
    }

    if (char === '[') {
      const characterClass = translateClass(rest, i)
      if ('reason' in characterClass) return untranslatable(pattern, characterClass.reason)
      if (characterClass.unicode) flags.add('u')
      out += characterClass.text
      i = characterClass.end
      continue
    }

    if (char === '(') {
      const group = translateGroupOpening(rest.slice(i))
      if ('reason' in group) return untranslatable(pattern, group.reason)
      out += group.text
      i += group.length
      continue
    }

    const quantifier = QUANTIFIER.exec(rest.slice(i))
    if (quantifier) {
      out += quantifier[0]
      i += quantifier[0].length
      continue
    }

    // A brace or bracket that is not syntax is a literal in .NET but an error in a `u` pattern.
    out += char === '{' || char === '}' || char === ']' ? `\\${char}` : char
    i += 1
  }

  const jsFlags = [...flags].sort().join('')
  let regex: RegExp
  try {
    regex = new RegExp(out, jsFlags)
  } catch (error) {
    return untranslatable(pattern, error instanceof Error ? error.message : 'invalid pattern')
  }
  const backtracking = judgeBacktracking(out, jsFlags)
  if (backtracking.refused !== undefined) return untranslatable(pattern, backtracking.refused)
  const { maxInputLength } = backtracking
  return { kind: 'regex', regex, pattern, ...(maxInputLength !== undefined && { maxInputLength }) }
}

type Translation = { text: string; end: number; unicode?: boolean } | { reason: string }

function translateEscape(pattern: string, start: number, inClass: boolean, multiline: boolean): Translation {
  const letter = pattern.charAt(start + 1)
  const end = start + 2
  if (letter === '') return { reason: 'a \\ at the end of the pattern' }
  if (letter === 'p' || letter === 'P') {
    const property = /^\{([^}]*)\}/.exec(pattern.slice(end))
    if (!property) return { reason: `\\${letter} without a {name}` }
    if (property[1]?.startsWith('Is')) return { reason: `Unicode block \\${letter}${property[0]}` }
    return { text: `\\${letter}${property[0]}`, end: end + property[0].length, unicode: true }
  }
  if (!inClass) {
    if (letter === 'k') return translateNamedReference(pattern, end)
    // Under `m`, JavaScript's ^ and $ match at every line; lookarounds keep the whole-input meaning.
    if (letter === 'A') return { text: multiline ? '(?<![\\s\\S])' : '^', end }
    if (letter === 'z' || letter === 'Z') return { text: multiline ? '(?![\\s\\S])' : '$', end }
    if (letter === 'G') return { reason: '\\G (contiguous match)' }
  }
  const whole = MULTI_CHARACTER_ESCAPE.exec(pattern.slice(start + 1))
  if (whole) return { text: `\\${whole[0]}`, end: start + 1 + whole[0].length }
  const replacement = ESCAPE_REPLACEMENTS[letter]
  if (replacement) return { text: replacement, end }
  const keepsEscape = /[0-9A-Za-z]/.test(letter) || JS_SYNTAX_CHARACTERS.includes(letter)
  return { text: keepsEscape ? `\\${letter}` : letter, end }
}

/** `\k<name>` or `\k'name'`; .NET knows no other `\k`. */
function translateNamedReference(pattern: string, start: number): Translation {
  const opening = pattern.charAt(start)
  const closing = opening === '<' ? '>' : opening === "'" ? "'" : undefined
  if (closing === undefined) return { reason: '\\k without a <name>' }
  const close = pattern.indexOf(closing, start + 1)
  if (close < 0) return { reason: `unterminated \\k${opening}name${closing}` }
  return { text: `\\k<${pattern.slice(start + 1, close)}>`, end: close + 1 }
}

type ClassMember =
  | { text: string; end: number; unicode?: boolean; literal?: string; neverStartsRange?: boolean; isSet?: boolean }
  | { reason: string }

/**
 * A character class as .NET's class scanner reads it, written out with every member explicit (`-`
 * always escaped), so JavaScript cannot see a range .NET does not: a `]` first is a literal, `\-` ends
 * a range but never starts one, and `-[` starts a subtraction only after the first member and when
 * that `-` is not the end of a range (`[+--[a]]` is the range `+--` and a literal `[`).
 */
function translateClass(pattern: string, start: number): Translation {
  let i = start + 1
  let text = '['
  let unicode = false
  if (pattern.charAt(i) === '^') {
    text += '^'
    i += 1
  }
  let rangeStart: string | undefined
  for (let first = true; i < pattern.length; first = false) {
    if (pattern.charAt(i) === ']' && !first) return { text: `${text}]`, end: i + 1, unicode }
    const member = classMember(pattern, i)
    if ('reason' in member) return member
    unicode ||= member.unicode === true
    i = member.end
    if (rangeStart !== undefined) {
      if (member.isSet) return { reason: 'a range ending in a character class' }
      if (member.literal === '[') return { reason: 'character class subtraction' }
      text += `${rangeStart}-${member.text}`
      rangeStart = undefined
    } else if (member.neverStartsRange) {
      text += member.text
    } else if (pattern.charAt(i) === '-' && i + 1 < pattern.length && pattern.charAt(i + 1) !== ']') {
      rangeStart = member.text
      i += 1
    } else if (member.literal === '-' && pattern.charAt(i) === '[' && !first) {
      return { reason: 'character class subtraction' }
    } else {
      text += member.text
    }
  }
  return { reason: 'unterminated character class' }
}

function classMember(pattern: string, start: number): ClassMember {
  const char = pattern.charAt(start)
  if (char !== '\\') return { text: CLASS_SYNTAX.includes(char) ? `\\${char}` : char, end: start + 1, literal: char }
  const letter = pattern.charAt(start + 1)
  if (letter === '-') return { text: '\\-', end: start + 2, neverStartsRange: true }
  const escape = translateEscape(pattern, start, true, false)
  if ('reason' in escape) return escape
  const isSet = /^[dDwWsSpP]$/.test(letter)
  return { ...escape, isSet, neverStartsRange: isSet }
}

function translateGroupOpening(pattern: string): { text: string; length: number } | { reason: string } {
  if (!pattern.startsWith('(?')) return { text: '(', length: 1 }
  if (pattern.startsWith('(?>')) return { reason: 'atomic group' }
  if (pattern.startsWith('(?(')) return { reason: 'conditional' }
  const named = /^\(\?(?:<([^>=!]*)>|'(?![=!])([^']*)')/.exec(pattern)
  if (named) {
    const name = named[1] ?? named[2] ?? ''
    if (name.includes('-')) return { reason: 'balancing group' }
    return { text: `(?<${name}>`, length: named[0].length }
  }
  if (INLINE_OPTIONS.test(pattern) && !pattern.startsWith('(?:')) return { reason: 'inline options inside the pattern' }
  return { text: '(?', length: 2 }
}

// Present in the page once this module is: the password policy's pattern (`passwordRules`) and the
// screen-sets' fields use it from then on. Loaded on demand by the screen-sets (`patternSupport.ts`).
providePatternTranslator(translateDotnetRegex)
