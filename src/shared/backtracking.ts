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

import { degree, MAX_DEGREE, Refusal, total } from './backtrackingDegree'
import { NONE } from './charSets'
import { facts, isAnchored } from './regexFacts'
import { parseRegex } from './regexParser'

/** The matcher steps a check may cost, roughly: well under a frame's worth of work. */
export const STEP_BUDGET = 1e7
export { MAX_DEGREE }

export type BacktrackingVerdict = { refused: string } | { refused?: undefined; maxInputLength?: number }

export function judgeBacktracking(source: string, flags: string): BacktrackingVerdict {
  try {
    const root = parseRegex(source, flags)
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
