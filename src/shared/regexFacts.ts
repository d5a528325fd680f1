import { ANY, intersects, NONE, union, type CharSet } from './charSets'
import type { RegexNode } from './regexNode'

export interface Facts {
  nullable: boolean
  /** Characters a match can start with. */
  first: CharSet
  /** Holds a quantifier whose count varies. */
  variable: boolean
  backref: boolean
  /** Matches any given text one way at most. */
  deterministic: boolean
}

const factCache = new WeakMap<RegexNode, Facts>()

export function facts(node: RegexNode): Facts {
  const cached = factCache.get(node)
  if (cached) return cached
  const computed = computeFacts(node)
  factCache.set(node, computed)
  return computed
}

function computeFacts(node: RegexNode): Facts {
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

/** Whether every match must start at `^`. */
export function isAnchored(node: RegexNode): boolean {
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
