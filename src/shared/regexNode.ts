import type { CharSet } from './charSets'

/** A regular expression as the backtracking judge sees it: what each part may match, and how often. */
export type RegexNode =
  | { type: 'chars'; set: CharSet }
  | { type: 'empty'; start?: boolean }
  | { type: 'look'; body: RegexNode }
  | { type: 'backref' }
  | { type: 'seq'; items: RegexNode[] }
  | { type: 'alt'; alternatives: RegexNode[] }
  | { type: 'repeat'; body: RegexNode; min: number; max: number }
