import { intersects, NONE, union, type CharSet } from './charSets'
import { facts } from './regexFacts'
import type { RegexNode } from './regexNode'

/** Beyond this degree, the input that may be tested within the budget is too short to be useful. */
export const MAX_DEGREE = 5

/** Why a pattern is refused; thrown out of the analysis, answered by `judgeBacktracking`. */
export class Refusal extends Error {}

/**
 * `branch`: factors of the input length by which the node multiplies the work of what follows it
 * (it can end in many places); `inner`: work of its own that does not (lookarounds are atomic).
 */
interface Degree {
  branch: number
  inner: number
}

export const total = (degree: Degree) => degree.branch + degree.inner

export function degree(node: RegexNode, follow: CharSet): Degree {
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
        const item = node.items[i] as RegexNode
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

function repeatDegree(node: Extract<RegexNode, { type: 'repeat' }>, follow: CharSet): Degree {
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
