import { ANY, caseFold, complement, DIGITS, NONE, SPACE, union, WORD, type CharSet } from './charSets'
import type { RegexNode } from './regexNode'

const PROPERTY = /\{[^}]*\}/y
const DIGIT_RUN = /\d*/y
const HEX_ESCAPE = /[0-9A-Fa-f]{2}/y
const UNICODE_ESCAPE = /[0-9A-Fa-f]{4}|\{[0-9A-Fa-f]+\}/y
const CONTROL_LETTER = /[A-Za-z]/y
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13 }

/**
 * The character level of `parseRegex`: literals, escapes and classes, read at a position in a source
 * that has already compiled (so it is valid JavaScript syntax).
 */
export class RegexScanner {
  protected position = 0
  protected readonly unicode: boolean
  protected readonly ignoreCase: boolean

  constructor(
    protected readonly source: string,
    flags: string,
  ) {
    this.unicode = flags.includes('u')
    this.ignoreCase = flags.includes('i')
  }

  /** A sticky pattern at the current position; advances past what it matched. */
  protected match(sticky: RegExp): RegExpExecArray | null {
    sticky.lastIndex = this.position
    const found = sticky.exec(this.source)
    if (found) this.position += found[0].length
    return found
  }

  protected literal(): [number, number] {
    const code = this.unicode
      ? (this.source.codePointAt(this.position) as number)
      : this.source.charCodeAt(this.position)
    this.position += code > 0xffff ? 2 : 1
    return [code, code]
  }

  protected chars(set: CharSet): RegexNode {
    return { type: 'chars', set: this.ignoreCase ? caseFold(set) : set }
  }

  /** The characters an escape matches, at its `\`, and whether it is one character; advances past it. */
  protected escapeSet(inClass: boolean): { set: CharSet; single: boolean } {
    const letter = this.source[this.position + 1] as string
    this.position += 2
    const shorthand: Readonly<Record<string, CharSet>> = { d: DIGITS, w: WORD, s: SPACE }
    const lower = letter.toLowerCase()
    if (Object.hasOwn(shorthand, lower)) {
      const set = shorthand[lower] as CharSet
      return { set: letter === lower ? set : complement(set), single: false }
    }
    if ((letter === 'p' || letter === 'P') && this.unicode) {
      this.match(PROPERTY)
      return { set: ANY, single: false }
    }
    const code = this.escapedCode(letter, inClass)
    return code === undefined ? { set: ANY, single: false } : { set: [[code, code]], single: true }
  }

  /** The one character a character escape stands for; undefined when not worth working out (octal). */
  private escapedCode(letter: string, inClass: boolean): number | undefined {
    if (Object.hasOwn(SIMPLE_ESCAPES, letter)) return SIMPLE_ESCAPES[letter]
    if (letter === 'b' && inClass) return 8
    if (/\d/.test(letter)) {
      this.match(DIGIT_RUN)
      return undefined
    }
    const hex = letter === 'x' ? this.match(HEX_ESCAPE) : letter === 'u' ? this.match(UNICODE_ESCAPE) : null
    if (hex) return parseInt(hex[0].replace(/[{}]/g, ''), 16)
    const control = letter === 'c' ? this.match(CONTROL_LETTER) : null
    if (control) return control[0].charCodeAt(0) % 32
    return letter.codePointAt(0)
  }

  protected characterClass(): RegexNode {
    this.position += 1
    const negated = this.source[this.position] === '^'
    if (negated) this.position += 1
    let set: CharSet = NONE
    while (this.position < this.source.length && this.source[this.position] !== ']') {
      const low = this.classAtom()
      if (this.source[this.position] === '-' && this.source[this.position + 1] !== ']') {
        this.position += 1
        const high = this.classAtom()
        const from = low.set[0]?.[0] ?? 0
        const to = high.set[0]?.[0] ?? 0
        // In Annex B syntax `[\d-x]` is not a range but \d, '-' and 'x'.
        const range: CharSet = low.single && high.single && from <= to ? [[from, to]] : NONE
        set = union(set, range.length > 0 ? range : union(union(low.set, high.set), [[0x2d, 0x2d]]))
      } else {
        set = union(set, low.set)
      }
    }
    this.position += 1 // ']'
    if (!this.ignoreCase) return { type: 'chars', set: negated ? complement(set) : set }
    const folded = caseFold(set)
    // Folding gives up beyond ASCII (ANY); the complement of that would claim to match nothing.
    return { type: 'chars', set: negated && folded !== ANY ? complement(folded) : folded }
  }

  private classAtom(): { set: CharSet; single: boolean } {
    if (this.source[this.position] === '\\') return this.escapeSet(true)
    return { set: [this.literal()], single: true }
  }
}
