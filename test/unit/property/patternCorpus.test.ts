// @vitest-environment node
/**
 * Every pattern of the corpus, on both sides: the client's translation and the emulator's each give
 * the verdict .NET's syntax calls for (translatable, or refused), and on every example value the
 * answer .NET gives. The two translations are written independently; this is where a construct one
 * of them sees where .NET sees none (`-[` outside a class, `(?>` inside one) shows up.
 */
import { describe, expect, it } from 'vitest'
import {
  parseFormat as emulatorParseFormat,
  passesFormat,
  translateDotnetRegex as emulatorTranslateDotnetRegex,
} from '../../../src/emulator/dotnetRegex'
import { parseFormat, testPattern, translateDotnetRegex } from '../../../src/schema/parseFormat'
import { DOTNET_CONSTRUCTS, PATTERN_CORPUS, REFUSED_CONSTRUCTS, type CorpusEntry } from './patternCorpus'

const regex = (pattern: string) => `regex('${pattern}')`

const describeEntry = (entry: CorpusEntry) => [entry.category, entry.country].filter(Boolean).join(' ')

/** What each side makes of the pattern, alone and as a schema `format`, with the reason of a refusal. */
function verdicts(pattern: string) {
  const readings = {
    client: translateDotnetRegex(pattern),
    'client format': parseFormat(regex(pattern)),
    emulator: emulatorTranslateDotnetRegex(pattern),
    'emulator format': emulatorParseFormat(regex(pattern)),
  }
  const shown = Object.fromEntries(
    Object.entries(readings).map(([side, reading]) => [
      side,
      reading.kind === 'untranslatable' ? `untranslatable: ${reading.reason}` : reading.kind,
    ]),
  )
  return { readings, shown }
}

describe('the pattern corpus, on both sides', () => {
  it.each(PATTERN_CORPUS.map((entry) => [entry.pattern, describeEntry(entry), entry] as const))(
    '%s (%s)',
    (pattern, _, entry) => {
      const { readings, shown } = verdicts(pattern)
      const kinds = Object.values(readings).map((reading) => reading.kind)
      expect(kinds, JSON.stringify(shown, null, 2)).toEqual(
        Array(4).fill(entry.translatable ? 'regex' : 'untranslatable'),
      )
      const client = readings['client format']
      const emulator = readings['emulator format']
      if (!entry.translatable || client.kind !== 'regex' || emulator.kind !== 'regex') return
      const expected = [
        ...entry.passes.map((value) => [value, true] as const),
        ...entry.fails.map((value) => [value, false] as const),
      ]
      // A value too long to test safely is left to the server: it passes the format on either side.
      const judged = expected.map(([value]) => [
        value,
        testPattern(client, value) ?? true,
        passesFormat(emulator, value),
      ])
      expect(judged).toEqual(expected.map(([value, passes]) => [value, passes, passes]))
    },
  )
})

describe('the pattern corpus itself', () => {
  it('holds at least 200 patterns, the postal codes of at least 50 countries, and every .NET-only construct', () => {
    expect(new Set(PATTERN_CORPUS.map((entry) => entry.pattern)).size).toBeGreaterThanOrEqual(200)
    const countries = new Set(
      PATTERN_CORPUS.filter((entry) => entry.category === 'postalCode').map((entry) => entry.country),
    )
    expect(countries).not.toContain(undefined)
    expect(countries.size).toBeGreaterThanOrEqual(50)
    const used = new Set(PATTERN_CORPUS.flatMap((entry) => entry.constructs ?? []))
    expect(DOTNET_CONSTRUCTS.filter((construct) => !used.has(construct))).toEqual([])
  })

  it.each(REFUSED_CONSTRUCTS)('holds %s both where .NET gives it meaning and where it does not', (construct) => {
    expect(PATTERN_CORPUS.some((entry) => !entry.translatable && entry.constructs?.includes(construct))).toBe(true)
    expect(PATTERN_CORPUS.some((entry) => entry.translatable && entry.lookalikeOf === construct)).toBe(true)
  })

  it('gives every translatable pattern values on both sides of it', () => {
    const lacking = PATTERN_CORPUS.filter(
      (entry) => entry.translatable && (entry.passes.length === 0 || entry.fails.length === 0),
    )
    expect(lacking.map((entry) => entry.pattern)).toEqual([])
  })
})
