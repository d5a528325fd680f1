/** Sets of characters as sorted code point ranges, for the backtracking judge (`backtracking.ts`). */

/** Sorted, disjoint, inclusive code point ranges: the characters an item may match. */
export type CharSet = ReadonlyArray<readonly [number, number]>

const MAX_CODE_POINT = 0x10ffff
export const ANY: CharSet = [[0, MAX_CODE_POINT]]
export const NONE: CharSet = []
export const DIGITS: CharSet = [[0x30, 0x39]]
export const WORD: CharSet = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]
export const SPACE: CharSet = [
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

export function union(a: CharSet, b: CharSet): CharSet {
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

export function intersects(a: CharSet, b: CharSet): boolean {
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

export function complement(set: CharSet): CharSet {
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
export function caseFold(set: CharSet): CharSet {
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
