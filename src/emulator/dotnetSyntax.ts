/**
 * The emulator's reading of .NET pattern syntax, one character at a time. Every construct JavaScript
 * cannot express (`(?>`, `(?(`, balancing groups, class subtraction, `\p{Is…}`, scoped and mid-pattern
 * options, the `x` option) means something only where .NET's parser gives it meaning: outside a
 * character class and not after an escaping backslash, or (subtraction) inside a class only. So the
 * walk always knows whether it stands in a class and whether a character is escaped; a scan of the
 * raw text would mistake `^[A-Z]{2}-[0-9]{4}$` for a subtraction and `\(?>` for an atomic group.
 */

/** JavaScript source and flags with .NET's meaning, or why there are none. */
export type DotnetReading = { source: string; flags: string } | { refused: string }

class Refused extends Error {}

/** What a `u` pattern still lets one escape; .NET lets one escape any other punctuation too. */
const SYNTAX_CHARACTERS = '^$\\.*+?()[]{}|/'
/** Characters that would change a JavaScript class's meaning unescaped. */
const CLASS_SYNTAX = '\\]-[^'
const CLASS_SHORTHANDS = 'dDwWsS'
/** Multi-character escapes, taken whole so that a range or a `-` after one is read as .NET reads it. */
const CHARACTER_ESCAPE = /^(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|c[A-Za-z]|[0-7]{1,3})/
const BRACE_QUANTIFIER = /\{\d+(?:,\d*)?\}/y
const LEADING_OPTIONS = /^\(\?([imnsx]+)\)/
const NAMED_GROUP = /^\(\?(?:<(?![=!])([^>]*)>|'(?![=!])([^']*)')/
const OPTION_GROUP = /^\(\?([imnsx]*(?:-[imnsx]*)?)([:)])/

export function readDotnetPattern(pattern: string): DotnetReading {
  try {
    return new DotnetReader(pattern).read()
  } catch (error) {
    if (error instanceof Refused) return { refused: error.message }
    throw error
  }
}

/** A class member as JavaScript should read it; `char` is set for an unescaped character. */
type ClassAtom = { kind: 'set' | 'single' | 'escapedDash'; text: string; char?: string }

class DotnetReader {
  private at = 0
  private readonly flags = new Set<string>()

  constructor(private readonly pattern: string) {}

  read(): { source: string; flags: string } {
    // Options only at the very start apply to the whole pattern, which is what JavaScript flags do.
    let options = LEADING_OPTIONS.exec(this.pattern)
    while (options) {
      const letters = options[1] as string
      if (letters.includes('x')) throw new Refused('the x (ignore whitespace) option')
      // `n` (explicit capture) only changes group numbering, which no check relies on.
      for (const letter of letters.replace(/n/g, '')) this.flags.add(letter)
      this.at += options[0].length
      options = LEADING_OPTIONS.exec(this.rest)
    }
    let source = ''
    while (this.at < this.pattern.length) source += this.token()
    return { source, flags: [...this.flags].sort().join('') }
  }

  private get rest(): string {
    return this.pattern.slice(this.at)
  }

  private token(): string {
    const char = this.pattern.charAt(this.at)
    if (char === '\\') return this.escape()
    if (char === '[') return this.characterClass()
    if (char === '(') return this.groupOpening()
    BRACE_QUANTIFIER.lastIndex = this.at
    const quantifier = BRACE_QUANTIFIER.exec(this.pattern)
    if (quantifier) {
      this.at += quantifier[0].length
      return quantifier[0]
    }
    this.at += 1
    // A brace or bracket that is no syntax is a literal in .NET, but an error in a `u` pattern.
    return char === '{' || char === '}' || char === ']' ? `\\${char}` : char
  }

  private escape(): string {
    const letter = this.pattern.charAt(this.at + 1)
    const multiline = this.flags.has('m')
    switch (letter) {
      case 'A':
      case 'z':
      case 'Z':
        this.at += 2
        // \A and \z anchor to the whole input, which JavaScript's ^ and $ stop doing under `m`.
        if (letter === 'A') return multiline ? '(?<![\\s\\S])' : '^'
        return multiline ? '(?![\\s\\S])' : '$'
      case 'G':
        throw new Refused('\\G (contiguous match)')
      case 'k':
        return this.namedBackreference()
      case 'p':
      case 'P':
        return this.property()
      default:
        return this.characterEscape()
    }
  }

  private namedBackreference(): string {
    const reference = /^\\k(?:<([^>]*)>|'([^']*)')/.exec(this.rest)
    if (!reference) throw new Refused('\\k without a <name>')
    this.at += reference[0].length
    return `\\k<${reference[1] ?? reference[2]}>`
  }

  private property(): string {
    const property = /^\\([pP])\{([^}]*)\}/.exec(this.rest)
    if (!property) throw new Refused(`\\${this.pattern.charAt(this.at + 1)} without a {name}`)
    if ((property[2] as string).startsWith('Is')) throw new Refused('Unicode block names')
    this.at += property[0].length
    this.flags.add('u')
    return property[0]
  }

  /** An escape that stands for one character (or, for \d \w \s \b and back-references, keeps its meaning). */
  private characterEscape(): string {
    const letter = this.pattern.charAt(this.at + 1)
    if (letter === '') throw new Refused('a \\ at the end of the pattern')
    const whole = CHARACTER_ESCAPE.exec(this.pattern.slice(this.at + 1))
    this.at += 1 + (whole ? whole[0].length : 1)
    if (whole) return `\\${whole[0]}`
    if (letter === 'a') return '\\x07'
    if (letter === 'e') return '\\x1B'
    if (/[0-9A-Za-z]/.test(letter)) return `\\${letter}`
    return SYNTAX_CHARACTERS.includes(letter) ? `\\${letter}` : letter
  }

  private groupOpening(): string {
    const rest = this.rest
    if (!rest.startsWith('(?')) {
      this.at += 1
      return '('
    }
    if (rest.startsWith('(?>')) throw new Refused('atomic groups')
    if (rest.startsWith('(?(')) throw new Refused('conditionals')
    if (rest.startsWith('(?#')) throw new Refused('comments')
    const named = NAMED_GROUP.exec(rest)
    if (named) {
      const name = named[1] ?? named[2] ?? ''
      if (name.includes('-')) throw new Refused('balancing groups')
      this.at += named[0].length
      return `(?<${name}>`
    }
    const options = OPTION_GROUP.exec(rest)
    if (options && options[0] !== '(?:') {
      if ((options[1] as string).includes('x')) throw new Refused('the x (ignore whitespace) option')
      throw new Refused(options[2] === ':' ? 'scoped inline options' : 'inline options inside the pattern')
    }
    this.at += 2
    return '(?'
  }

  /**
   * Follows .NET's class scanner: a `]` first is a literal; `x-y` is a range unless `y` is `]`; an
   * escaped `\-` ends a range but never starts one; and `-[` is a subtraction only after the first
   * member, when that `-` is not itself the end of a range (`[+--[a]]` is a range and a literal `[`).
   */
  private characterClass(): string {
    this.at += 1
    let text = '['
    if (this.pattern.charAt(this.at) === '^') {
      text += '^'
      this.at += 1
    }
    let rangeStart: string | undefined
    for (let first = true; ; first = false) {
      if (this.at >= this.pattern.length) throw new Refused('an unterminated character class')
      if (this.pattern.charAt(this.at) === ']' && !first) {
        this.at += 1
        return `${text}]`
      }
      const atom = this.classAtom()
      if (rangeStart !== undefined) {
        if (atom.kind === 'set') throw new Refused('a range that ends in a class shorthand')
        if (atom.char === '[') throw new Refused('character class subtraction')
        text += `${rangeStart}-${atom.text}`
        rangeStart = undefined
      } else if (atom.kind !== 'single') {
        text += atom.text
      } else if (this.pattern.charAt(this.at) === '-' && !['', ']'].includes(this.pattern.charAt(this.at + 1))) {
        rangeStart = atom.text
        this.at += 1
      } else if (atom.char === '-' && this.pattern.charAt(this.at) === '[' && !first) {
        throw new Refused('character class subtraction')
      } else {
        text += atom.text
      }
    }
  }

  private classAtom(): ClassAtom {
    const char = this.pattern.charAt(this.at)
    const letter = this.pattern.charAt(this.at + 1)
    if (char !== '\\') {
      this.at += 1
      return { kind: 'single', text: CLASS_SYNTAX.includes(char) ? `\\${char}` : char, char }
    }
    if (letter !== '' && CLASS_SHORTHANDS.includes(letter)) {
      this.at += 2
      return { kind: 'set', text: `\\${letter}` }
    }
    if (letter === 'p' || letter === 'P') return { kind: 'set', text: this.property() }
    if (letter === '-') {
      this.at += 2
      return { kind: 'escapedDash', text: '\\-' }
    }
    return { kind: 'single', text: this.characterEscape() }
  }
}
