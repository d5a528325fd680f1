/**
 * How much a JavaScript regular expression can backtrack, judged from its source alone, so that a
 * schema's pattern never freezes the page (browsers cannot interrupt a running match; SAP's server
 * has a match timeout instead).
 *
 * The rule, conservative by design (a refused pattern is only skipped in the browser; the server
 * still judges):
 * - **Exponential patterns are refused.** A group repeated without bound (`*`, `+`, `{n,}`) must
 *   match each repetition one way only: no quantifier inside it that varies (`(a+)+`, `(\w+\s?)*`,
 *   `(a|a?)+` → "nested quantifiers"), no backreference, and alternatives that cannot start with
 *   the same character (`(a|a)*`, `(a|aa)+` → "overlapping alternatives in a repeated group").
 * - **Polynomial patterns get a degree**: 1 for the scan, +1 for each quantifier (or alternation)
 *   that can give characters back to what follows it (`\w+\w+`; not `\d+\.`, whose exit is
 *   certain), +1 when the pattern is not anchored with `^` and repeats something, and a bounded
 *   repetition of an ambiguous group counts its bound times (`(.*a){20}` → over 20). Above degree
 *   {@link MAX_DEGREE} the pattern is refused ("too much backtracking").
 * - **The input is bounded**: a pattern of degree D ≥ 2 is only tested on values of at most
 *   {@link STEP_BUDGET}^(1/D) characters (3 162 for D = 2, 215 for D = 3, 56 for 4, 25 for 5);
 *   longer values are left to the server.
 *
 * It lives in `src/shared`, the one folder every layer may import and which imports nothing of ours:
 * the browser's validator (`src/schema`) and the emulator (which must not import `src/schema`) guard
 * against the same patterns, as SAP's server does with its match timeout.
 */

/** The matcher steps a check may cost, roughly: well under a frame's worth of work. */
export const STEP_BUDGET = 1e7
/** Beyond this degree, the input that may be tested within the budget is too short to be useful. */
export const MAX_DEGREE = 5

export type BacktrackingVerdict = { refused: string } | { refused?: undefined; maxInputLength?: number }

/** Sorted, disjoint, inclusive code point ranges: the characters an item may match. */
type CharSet = ReadonlyArray<readonly [number, number]>

const MAX_CODE_POINT = 0x10ffff
const ANY: CharSet = [[0, MAX_CODE_POINT]]
const NONE: CharSet = []
const DIGITS: CharSet = [[0x30, 0x39]]
const WORD: CharSet = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]
const SPACE: CharSet = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]

type Node =
  | { type: 'chars'; set: CharSet }
  | { type: 'empty'; start?: boolean }
  | { type: 'look'; body: Node }
  | { type: 'backref' }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; alternatives: Node[] }
  | { type: 'repeat'; body: Node; min: number; max: number }

class Refusal extends Error {}

export function judgeBacktracking(source: string, flags: string): BacktrackingVerdict {
  try {
    const root = new Parser(source, flags).parse()
    const ownDegree = total(degree(root, NONE))
    const scansEveryStart = !(isAnchored(root) && !flags.includes('m')) && facts(root).variable
    const degreeOfPattern = 1 + ownDegree + (scansEveryStart ? 1 : 0)
    if (degreeOfPattern > MAX_DEGREE) return { refused: `too much backtracking (degree ${degreeOfPattern})` }
    return degreeOfPattern < 2 ? {} : { maxInputLength: Math.floor(STEP_BUDGET ** (1 / degreeOfPattern)) }
  } catch (error) {
    if (error instanceof Refusal) return { refused: error.message }
    // A pattern nested deeper than the stack allows is no pattern to run on every keystroke either.
    return { refused: 'pattern too complex to analyse' }
  }
}

// ---------------------------------------------------------------------------------------------
// Character sets
// ---------------------------------------------------------------------------------------------

function union(a: CharSet, b: CharSet): CharSet {
  if (a.length === 0) return b
  if (b.length === 0) return a
  const sorted = [...a, ...b].sort((x, y) => x[0] - y[0])
  const merged: Array<[number, number]> = []
  for (const [low, high] of sorted) {
    const last = merged.at(-1)
    if (last && low <= last[1] + 1) last[1] = Math.max(last[1], high)
    else merged.push([low, high])
  }
  return merged
}

function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as readonly [number, number]
    const y = b[j] as readonly [number, number]
    if (x[1] < y[0]) i += 1
    else if (y[1] < x[0]) j += 1
    else return true
  }
  return false
}

function complement(set: CharSet): CharSet {
  const out: Array<[number, number]> = []
  let next = 0
  for (const [low, high] of set) {
    if (low > next) out.push([next, low - 1])
    next = high + 1
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT])
  return out
}

/** Under `i` a letter matches its other case; beyond ASCII, case mappings are many, so anything may match. */
function caseFold(set: CharSet): CharSet {
  if (set.some(([, high]) => high > 0x7f)) return ANY
  let folded = set
  for (const [from, to, shift] of [
    [0x41, 0x5a, 0x20],
    [0x61, 0x7a, -0x20],
  ] as const) {
    for (const [low, high] of set) {
      const start = Math.max(low, from)
      const end = Math.min(high, to)
      if (start <= end) folded = union(folded, [[start + shift, end + shift]])
    }
  }
  return folded
}

// ---------------------------------------------------------------------------------------------
// Parsing (the source has already compiled, so it is valid JavaScript syntax)
// ---------------------------------------------------------------------------------------------

const QUANTIFIER = /(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/y
const GROUP_OPENING = /\((?:\?(?:<=|<!|=|!|:|<[^>]*>))?/y
const BACKREFERENCE = /\\(?:\d+|k<[^>]*>)/y
const PROPERTY = /\{[^}]*\}/y
const DIGIT_RUN = /\d*/y
const HEX_ESCAPE = /[0-9A-Fa-f]{2}/y
const UNICODE_ESCAPE = /[0-9A-Fa-f]{4}|\{[0-9A-Fa-f]+\}/y
const CONTROL_LETTER = /[A-Za-z]/y
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13 }

class Parser {
  private position = 0
  private readonly unicode: boolean
  private readonly ignoreCase: boolean

  constructor(
    private readonly source: string,
    flags: string,
  ) {
    this.unicode = flags.includes('u')
    this.ignoreCase = flags.includes('i')
  }

  parse(): Node {
    return this.alternation()
  }

  /** A sticky pattern at the current position; advances past what it matched. */
  private match(sticky: RegExp): RegExpExecArray | null {
    sticky.lastIndex = this.position
    const found = sticky.exec(this.source)
    if (found) this.position += found[0].length
    return found
  }

  private alternation(): Node {
    const alternatives = [this.sequence()]
    while (this.source[this.position] === '|') {
      this.position += 1
      alternatives.push(this.sequence())
    }
    return alternatives.length === 1 ? (alternatives[0] as Node) : { type: 'alt', alternatives }
  }

  private sequence(): Node {
    const items: Node[] = []
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
    return items.length === 1 ? (items[0] as Node) : { type: 'seq', items }
  }

  private atom(): Node {
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

  private group(): Node {
    const opening = this.match(GROUP_OPENING)?.[0] ?? '('
    const body = this.alternation()
    this.position += 1 // ')'
    return /^\(\?<?[=!]/.test(opening) ? { type: 'look', body } : body
  }

  private literal(): [number, number] {
    const code = this.unicode
      ? (this.source.codePointAt(this.position) as number)
      : this.source.charCodeAt(this.position)
    this.position += code > 0xffff ? 2 : 1
    return [code, code]
  }

  private chars(set: CharSet): Node {
    return { type: 'chars', set: this.ignoreCase ? caseFold(set) : set }
  }

  private escape(): Node {
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

  /** The characters an escape matches, at its `\`, and whether it is one character; advances past it. */
  private escapeSet(inClass: boolean): { set: CharSet; single: boolean } {
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

  private characterClass(): Node {
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

function bounds(quantifier: RegExpExecArray): [number, number] {
  const min = Number(quantifier[2])
  if (quantifier[3] === undefined) return [min, min]
  return [min, quantifier[4] === '' ? Infinity : Number(quantifier[4])]
}

// ---------------------------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------------------------

interface Facts {
  nullable: boolean
  /** Characters a match can start with. */
  first: CharSet
  /** Holds a quantifier whose count varies. */
  variable: boolean
  backref: boolean
  /** Matches any given text one way at most. */
  deterministic: boolean
}

const factCache = new WeakMap<Node, Facts>()

function facts(node: Node): Facts {
  const cached = factCache.get(node)
  if (cached) return cached
  const computed = computeFacts(node)
  factCache.set(node, computed)
  return computed
}

function computeFacts(node: Node): Facts {
  const plain = { variable: false, backref: false, deterministic: true }
  switch (node.type) {
    case 'chars':
      return { ...plain, nullable: false, first: node.set }
    case 'empty':
    case 'look':
      return { ...plain, nullable: true, first: NONE }
    case 'backref':
      return { nullable: true, first: ANY, variable: false, backref: true, deterministic: false }
    case 'seq': {
      const all = node.items.map(facts)
      let first: CharSet = NONE
      for (const item of all) {
        first = union(first, item.first)
        if (!item.nullable) break
      }
      return {
        nullable: all.every((item) => item.nullable),
        first,
        variable: all.some((item) => item.variable),
        backref: all.some((item) => item.backref),
        deterministic: all.every((item) => item.deterministic),
      }
    }
    case 'alt': {
      const all = node.alternatives.map(facts)
      let first: CharSet = NONE
      let disjoint = true
      for (const alternative of all) {
        if (alternative.nullable || intersects(first, alternative.first)) disjoint = false
        first = union(first, alternative.first)
      }
      return {
        nullable: all.some((alternative) => alternative.nullable),
        first,
        variable: all.some((alternative) => alternative.variable),
        backref: all.some((alternative) => alternative.backref),
        deterministic: disjoint && all.every((alternative) => alternative.deterministic),
      }
    }
    case 'repeat': {
      const body = facts(node.body)
      return {
        nullable: node.min === 0 || body.nullable,
        first: body.first,
        variable: body.variable || node.min !== node.max,
        backref: body.backref,
        deterministic: body.deterministic && node.min === node.max,
      }
    }
  }
}

/**
 * `branch`: factors of the input length by which the node multiplies the work of what follows it
 * (it can end in many places); `inner`: work of its own that does not (lookarounds are atomic).
 */
interface Degree {
  branch: number
  inner: number
}

const total = (degree: Degree) => degree.branch + degree.inner

function degree(node: Node, follow: CharSet): Degree {
  switch (node.type) {
    case 'chars':
    case 'empty':
    case 'backref':
      return { branch: 0, inner: 0 }
    case 'look':
      return { branch: 0, inner: total(degree(node.body, NONE)) }
    case 'seq': {
      let branch = 0
      let inner = 0
      let after = follow
      for (let i = node.items.length - 1; i >= 0; i -= 1) {
        const item = node.items[i] as Node
        const itemDegree = degree(item, after)
        branch += itemDegree.branch
        inner = Math.max(inner, itemDegree.inner)
        const itemFacts = facts(item)
        after = itemFacts.nullable ? union(itemFacts.first, after) : itemFacts.first
      }
      return { branch, inner }
    }
    case 'alt': {
      const most = Math.max(...node.alternatives.map((alternative) => total(degree(alternative, follow))))
      return { branch: most + (facts(node).deterministic ? 0 : 1), inner: 0 }
    }
    case 'repeat':
      return repeatDegree(node, follow)
  }
}

function repeatDegree(node: Extract<Node, { type: 'repeat' }>, follow: CharSet): Degree {
  const body = facts(node.body)
  if (node.max <= 1) {
    const givesBack = intersects(body.first, follow) ? 1 : 0
    return { branch: total(degree(node.body, follow)) + givesBack, inner: 0 }
  }
  const bodyDegree = total(degree(node.body, union(body.first, follow)))
  if (!body.deterministic) {
    if (node.max === Infinity) {
      throw new Refusal(
        body.variable
          ? 'nested quantifiers'
          : body.backref
            ? 'backreference in a repeated group'
            : 'overlapping alternatives in a repeated group',
      )
    }
    if (node.max > MAX_DEGREE) throw new Refusal(`too much backtracking (a group repeated ${node.max} times)`)
    return { branch: node.max * Math.max(1, bodyDegree), inner: 0 }
  }
  const repeatedWork = bodyDegree > 0 ? bodyDegree + 1 : 0
  if (node.min === node.max) return { branch: 0, inner: repeatedWork }
  return { branch: intersects(body.first, follow) ? 1 : 0, inner: repeatedWork }
}

function isAnchored(node: Node): boolean {
  switch (node.type) {
    case 'empty':
      return node.start === true
    case 'seq':
      return node.items[0] !== undefined && isAnchored(node.items[0])
    case 'alt':
      return node.alternatives.every(isAnchored)
    default:
      return false
  }
}
