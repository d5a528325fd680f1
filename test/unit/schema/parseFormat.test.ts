import { describe, expect, it } from 'vitest'
import { parseFormat, translateDotnetRegex } from '../../../src/schema'

const regex = (pattern: string) => `regex('${pattern}')`

describe('parseFormat', () => {
  it.each([undefined, null, '', "regex('')", " regex('') "])('%j asks for nothing', (format) => {
    expect(parseFormat(format)).toEqual({ kind: 'none' })
  })

  it.each(['true', ' true '])('%j means the box must be checked', (format) => {
    expect(parseFormat(format)).toEqual({ kind: 'true' })
  })

  it.each([
    [5, '5', 'format is not a string'],
    [{ regex: 'a' }, '{"regex":"a"}', 'format is not a string'],
    ['false', 'false', 'unknown format'],
    ['^[0-9]+$', '^[0-9]+$', 'unknown format'],
    ["regex('abc'", "regex('abc'", 'unknown format'],
  ])('%j is untranslatable (%s: %s)', (format, pattern, reason) => {
    expect(parseFormat(format)).toEqual({ kind: 'untranslatable', pattern, reason })
  })

  it.each([
    ['a BigInt', 10n, 'bigint'],
    ['a symbol', Symbol('format'), 'symbol'],
  ])('%s, which JSON cannot show, is untranslatable', (_, format, pattern) => {
    expect(parseFormat(format)).toEqual({ kind: 'untranslatable', pattern, reason: 'format is not a string' })
  })

  it('keeps quotes inside the pattern', () => {
    const parsed = parseFormat(regex("^[a-z']+$"))
    expect(parsed).toMatchObject({ kind: 'regex', pattern: "^[a-z']+$" })
    expect(parsed.kind === 'regex' && parsed.regex.test("o'neil")).toBe(true)
  })
})

describe('translateDotnetRegex', () => {
  it.each([
    // pattern, JS source, JS flags
    ['^[0-9]{5}$', '^[0-9]{5}$', ''],
    ['^[fmu]{1}$', '^[fmu]{1}$', ''],
    ['(?i)^abc$', '^abc$', 'i'],
    ['(?m)^a$', '^a$', 'm'],
    ['(?s)a.b', 'a.b', 's'],
    ['(?ims)a', 'a', 'ims'],
    ['(?i)(?s)a.b', 'a.b', 'is'],
    ['(?n)(a)b', '(a)b', ''],
    ['(?in)a', 'a', 'i'],
    ["(?'year'\\d{4})-\\k'year'", '(?<year>\\d{4})-\\k<year>', ''],
    ['(?<year>\\d{4})', '(?<year>\\d{4})', ''],
    ['\\Aabc\\z', '^abc$', ''],
    ['\\Aabc\\Z', '^abc$', ''],
    ['(?m)\\Aa$\\z', '(?<![\\s\\S])a$(?![\\s\\S])', 'm'],
    ['^\\p{L}+$', '^\\p{L}+$', 'u'],
    ['^[\\p{Lu}\\P{Nd}]$', '^[\\p{Lu}\\P{Nd}]$', 'u'],
    ['^a\\-b\\p{Ll}$', '^a-b\\p{Ll}$', 'u'],
    ['^[\\w\\-]+$', '^[\\w\\-]+$', ''],
    ['\\e\\a', '\\x1B\\x07', ''],
    ['[]a]', '[\\]a]', ''],
    ['[^]a]', '[^\\]a]', ''],
    ['a{', 'a\\{', ''],
    ['a}', 'a\\}', ''],
    ['a]', 'a\\]', ''],
    ['[a[]', '[a\\[]', ''],
    ['(?:ab)+', '(?:ab)+', ''],
    ['(?<=a)b(?<!c)(?=d)(?!e)', '(?<=a)b(?<!c)(?=d)(?!e)', ''],
    ['(ab)+', '(ab)+', ''],
    ['(a+)b', '(a+)b', ''],
    ['(a{2})+', '(a{2})+', ''],
    ['(a|b)*', '(a|b)*', ''],
    ['(a+){1,3}', '(a+){1,3}', ''],
    ['a+b*c{2,}', 'a+b*c{2,}', ''],
    // What looks like a construct JavaScript lacks, where .NET gives it no meaning.
    ['^[A-Z]{2}-[0-9]{4}$', '^[A-Z]{2}-[0-9]{4}$', ''],
    ['[-[a]]', '[\\-\\[a]\\]', ''],
    ['[^-[]]', '[^\\-\\[]\\]', ''],
    ['[+--[a]]', '[+-\\-\\[a]\\]', ''],
    ['[(?>]', '[(?>]', ''],
    ['\\(?>a', '\\(?>a', ''],
    ['\\\\p{IsGreek}', '\\\\p\\{IsGreek\\}', ''],
    // .NET's `\-` never starts a range; JavaScript's would.
    ['[\\--a]', '[\\-\\-a]', ''],
    ['[\\x41-Z]', '[\\x41-Z]', ''],
  ])('%s → /%s/%s', (pattern, source, flags) => {
    const translated = translateDotnetRegex(pattern)
    expect(translated).toMatchObject({ kind: 'regex', pattern })
    expect(translated.kind === 'regex' && [translated.regex.source, translated.regex.flags]).toEqual([source, flags])
  })

  it.each([
    ['(?i)^abc$', 'ABC', true],
    ['(?m)^b$', 'a\nb', true],
    ['(?m)\\Ab$', 'a\nb', false],
    ['(?s)a.b', 'a\nb', true],
    ['a.b', 'a\nb', false],
    ['^\\p{Lu}\\p{Ll}+$', 'Ärger', true],
    ['^\\p{L}+$', 'abc1', false],
    ["(?'d'\\d)\\k'd'", '11', true],
    ["(?'d'\\d)\\k'd'", '12', false],
    ['[]a]', ']', true],
    ['^a{$', 'a{', true],
    ['^\\e$', '\x1b', true],
  ])('%s tested on %j → %s', (pattern, input, matches) => {
    const translated = translateDotnetRegex(pattern)
    expect(translated.kind === 'regex' && translated.regex.test(input)).toBe(matches)
  })

  it.each([
    ['(?x)a b', 'option x (ignore pattern whitespace)'],
    ['(?ix)a', 'option x (ignore pattern whitespace)'],
    ['(?>a+)b', 'atomic group'],
    ['(?(a)b|c)', 'conditional'],
    ['(?<open-close>a)', 'balancing group'],
    ['(?<-close>a)', 'balancing group'],
    ["(?'open-close'a)", 'balancing group'],
    ['[a-z-[aeiou]]', 'character class subtraction'],
    ['[--[a]]', 'character class subtraction'],
    ['[\\--[a]]', 'character class subtraction'],
    ['[\\d-[0]]', 'character class subtraction'],
    ['[a-\\d]', 'a range ending in a character class'],
    ['\\kx', '\\k without a <name>'],
    ['\\\\(?>a)', 'atomic group'],
    ['\\p{IsGreek}+', 'Unicode block \\p{IsGreek}'],
    ['\\P{IsBasicLatin}', 'Unicode block \\P{IsBasicLatin}'],
    ['\\pL', '\\p without a {name}'],
    ['a(?i)b', 'inline options inside the pattern'],
    ['a(?i:b)', 'inline options inside the pattern'],
    ['(?-i)a', 'inline options inside the pattern'],
    ['(?i-s:a)', 'inline options inside the pattern'],
    ['\\Ga', '\\G (contiguous match)'],
    ["\\k'a", "unterminated \\k'name'"],
    ['(a+)+', 'nested quantifiers'],
    ['(a*)*', 'nested quantifiers'],
    ['(.*)*', 'nested quantifiers'],
    ['(\\w+\\s?)+$', 'nested quantifiers'],
    ['^(a|b+)*$', 'nested quantifiers'],
    ['((ab)+)+', 'nested quantifiers'],
    ['(?:x+){2,}', 'nested quantifiers'],
    ['(a+)+?', 'nested quantifiers'],
    ['^([a-z]+\\.?)*@', 'nested quantifiers'],
  ])('%s is untranslatable: %s', (pattern, reason) => {
    expect(translateDotnetRegex(pattern)).toEqual({ kind: 'untranslatable', pattern, reason })
  })

  it.each(['(a', 'a)', '[a', '*a', 'a**', '\\', '(?<>a)', '(?<1>a)', '\\p{Nope}', '(?#comment)a', '\\p{'])(
    '%j is untranslatable with JavaScript’s reason, never a throw',
    (pattern) => {
      const translated = translateDotnetRegex(pattern)
      expect(translated).toMatchObject({ kind: 'untranslatable', pattern })
      expect(translated.kind === 'untranslatable' && translated.reason).not.toBe('')
    },
  )
})
