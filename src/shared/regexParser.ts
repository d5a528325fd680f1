import { ANY } from './charSets'
import type { RegexNode } from './regexNode'
import { RegexScanner } from './regexScanner'

const QUANTIFIER = /(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/y
const GROUP_OPENING = /\((?:\?(?:<=|<!|=|!|:|<[^>]*>))?/y
const BACKREFERENCE = /\\(?:\d+|k<[^>]*>)/y

/** The pattern's structure: alternatives, sequences, groups and quantifiers over the scanner's characters. */
class Parser extends RegexScanner {
  parse(): RegexNode {
    return this.alternation()
  }

  private alternation(): RegexNode {
    const alternatives = [this.sequence()]
    while (this.source[this.position] === '|') {
      this.position += 1
      alternatives.push(this.sequence())
    }
    return alternatives.length === 1 ? (alternatives[0] as RegexNode) : { type: 'alt', alternatives }
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = []
    while (this.position < this.source.length) {
      const char = this.source[this.position]
      if (char === '|' || char === ')') break
      let atom = this.atom()
      for (let q = this.match(QUANTIFIER); q; q = this.match(QUANTIFIER)) {
        const [min, max] =
          q[1] === '*' ? [0, Infinity] : q[1] === '+' ? [1, Infinity] : q[1] === '?' ? [0, 1] : bounds(q)
        atom = { type: 'repeat', body: atom, min, max }
      }
      items.push(atom)
    }
    return items.length === 1 ? (items[0] as RegexNode) : { type: 'seq', items }
  }

  private atom(): RegexNode {
    const char = this.source[this.position] as string
    if (char === '(') return this.group()
    if (char === '[') return this.characterClass()
    if (char === '\\') return this.escape()
    if (char === '.' || char === '^' || char === '$') {
      this.position += 1
      if (char === '.') return { type: 'chars', set: ANY }
      return char === '^' ? { type: 'empty', start: true } : { type: 'empty' }
    }
    return this.chars([this.literal()])
  }

  private group(): RegexNode {
    const opening = this.match(GROUP_OPENING)?.[0] ?? '('
    const body = this.alternation()
    this.position += 1 // ')'
    return /^\(\?<?[=!]/.test(opening) ? { type: 'look', body } : body
  }

  private escape(): RegexNode {
    const letter = this.source[this.position + 1] as string
    if (letter === 'b' || letter === 'B') {
      this.position += 2
      return { type: 'empty' }
    }
    if (/[1-9]/.test(letter) || (letter === 'k' && this.source[this.position + 2] === '<')) {
      if (!this.match(BACKREFERENCE)) this.position += 2
      return { type: 'backref' }
    }
    return this.chars(this.escapeSet(false).set)
  }
}

function bounds(quantifier: RegExpExecArray): [number, number] {
  const min = Number(quantifier[2])
  if (quantifier[3] === undefined) return [min, min]
  return [min, quantifier[4] === '' ? Infinity : Number(quantifier[4])]
}

/** The tree of a pattern that has already compiled (so it is valid JavaScript syntax). */
export function parseRegex(source: string, flags: string): RegexNode {
  return new Parser(source, flags).parse()
}
