import { afterEach, describe, expect, it, vi } from 'vitest'
import { AccountsError, createAccountsClient } from '../../../src'
import { parseFormat as emulatorParseFormat } from '../../../src/emulator/dotnetRegex'
import { defaultValidationMessages, deriveFields, parseFormat, passwordRules, toZod } from '../../../src/schema'
import { createEmulatorTransport, DEFAULT_SITE, type SiteConfig } from '../../../src/testing'

/**
 * Each pattern with an input on which a plain backtracking engine (V8's, which both the browser and
 * the emulator use) runs for longer than any test timeout; measured with Node 20 on this machine:
 * every input below ran past 15 s (the last, past 20 s) before being killed. A regression that let
 * one of them run would hang the test instead of failing it quickly; either way it does not pass.
 */
const CATASTROPHIC: ReadonlyArray<[pattern: string, input: string, reason: string]> = [
  ['^(a+)+$', `${'a'.repeat(30)}!`, 'nested quantifiers'],
  ['(a*)*b', 'a'.repeat(30), 'nested quantifiers'],
  ['(\\w+\\s?)*$', `${'a'.repeat(30)}!`, 'nested quantifiers'],
  ['^(a|a?)+$', `${'a'.repeat(30)}!`, 'nested quantifiers'],
  ['(a|a)*$', `${'a'.repeat(30)}!`, 'overlapping alternatives in a repeated group'],
  // Fibonacci rather than 2^n: 0.4 s at 30 characters, past 15 s at 45.
  ['(a|aa)+$', `${'a'.repeat(45)}!`, 'overlapping alternatives in a repeated group'],
  ['^(\\w|\\d)+$', `${'1'.repeat(30)}!`, 'overlapping alternatives in a repeated group'],
  // Polynomial of degree 20: the .* of each repetition may end at any of the 19 a's.
  ['(.*a){20}', `a${'b'.repeat(200)}`.repeat(19), 'too much backtracking (a group repeated 20 times)'],
  ['^(a?){25}a{25}$', 'a'.repeat(25), 'too much backtracking (a group repeated 25 times)'],
  ['a*a*a*a*a*a*a*b', 'a'.repeat(100), 'too much backtracking (degree 8)'],
  ['.*.*.*.*=.*', 'x'.repeat(1000), 'too much backtracking (degree 6)'],
]

/** Patterns that may run, but only on inputs short enough: [pattern, longest input tested, a failing value]. */
const BOUNDED: ReadonlyArray<[pattern: string, maxInputLength: number, failing: string]> = [
  ['\\w+\\w+\\w+@', 56, 'ab'],
  ['^(a+){1,3}$', 56, 'ab'],
  ['(a+){1,3}', 25, 'b'],
  ['^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$', 3162, 'a@b'],
  ['[0-9]+x', 3162, '12'],
]

/** Everyday patterns: linear, tested on any input. */
const LINEAR = ['^[0-9]{5}$', '^\\d*\\.\\d+$', '^[\\w.-]+$', '^(19|20)\\d{2}$', '^.{2,5}$', '^(?:ab)+$', 'x']

const regex = (pattern: string) => `regex('${pattern}')`

afterEach(() => {
  vi.restoreAllMocks()
})

describe('catastrophic patterns in the browser', () => {
  it.each(CATASTROPHIC)('%s is refused: %s', (pattern, _, reason) => {
    expect(parseFormat(regex(pattern))).toEqual({ kind: 'untranslatable', pattern, reason })
  })

  it.each(CATASTROPHIC)('%s: validating an adversarial value returns, leaving it to the server', (pattern, input) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const schema = {
      dataSchema: {
        fields: { code: { type: 'string', format: regex(pattern), writeAccess: 'clientModify' as const } },
      },
    }
    const fields = deriveFields(schema, undefined, { fields: ['data.code'] })
    expect(fields[0]).toMatchObject({ name: 'data.code', format: pattern })
    expect(fields[0]).not.toHaveProperty('pattern')
    const result = toZod(fields, undefined, defaultValidationMessages).safeParse({ data: { code: input } })
    expect(result.success).toBe(true)
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(`the pattern ${pattern} cannot be checked in the browser`),
    )
  })

  it.each(CATASTROPHIC)('%s as a password policy is not checked in the browser', (pattern, input) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(passwordRules({ regExp: pattern }).map((rule) => rule.id)).not.toContain('regExp')
    expect(passwordRules({ regExp: pattern }).every((rule) => rule.test(input))).toBe(true)
  })

  it.each(BOUNDED)('%s runs on values of up to %i characters', (pattern, maxInputLength, failing) => {
    const parsed = parseFormat(regex(pattern))
    expect(parsed).toMatchObject({ kind: 'regex', maxInputLength })
    const fields = deriveFields(
      {
        dataSchema: {
          fields: { code: { type: 'string', format: regex(pattern), writeAccess: 'clientModify' as const } },
        },
      },
      undefined,
      { fields: ['data.code'] },
    )
    expect(fields[0]).toMatchObject({ patternMaxLength: maxInputLength })
    const validate = (code: string) => toZod(fields, undefined, defaultValidationMessages).safeParse({ data: { code } })
    // Still checked where it is safe to...
    expect(validate(failing).success).toBe(false)
    // ...and a 50 kB adversarial value is left to the server rather than freezing the page.
    expect(validate('a'.repeat(50_000)).success).toBe(true)
  })

  it.each(LINEAR)('%s runs on any input', (pattern) => {
    const parsed = parseFormat(regex(pattern))
    expect(parsed.kind).toBe('regex')
    expect(parsed).not.toHaveProperty('maxInputLength')
  })

  it('refuses, rather than overflows on, a pattern nested thousands deep', () => {
    const pattern = `${'('.repeat(5000)}a${')'.repeat(5000)}`
    expect(() => parseFormat(regex(pattern))).not.toThrow()
    const deep = parseFormat(regex(`${'(?:a'.repeat(20_000)}${')'.repeat(20_000)}`))
    expect(['regex', 'untranslatable']).toContain(deep.kind)
  })
})

describe('catastrophic patterns in the emulator', () => {
  it.each(CATASTROPHIC)('%s is not run by the emulator either', (pattern, _, reason) => {
    expect(emulatorParseFormat(regex(pattern))).toEqual({ kind: 'untranslatable', pattern, reason })
  })

  async function emulatorWithFormats(formats: Record<string, string>) {
    const site = structuredClone(DEFAULT_SITE) as SiteConfig & {
      schema: { dataSchema: { fields: Record<string, unknown> } }
    }
    for (const [key, pattern] of Object.entries(formats))
      site.schema.dataSchema.fields[key] = {
        type: 'string',
        format: regex(pattern),
        writeAccess: 'clientModify' as const,
      }
    const warnings: string[] = []
    const transport = await createEmulatorTransport({
      sites: [site],
      passwordHashIterations: 1000,
      warn: (message) => warnings.push(message),
    })
    const client = createAccountsClient({ transport })
    const register = async (data: Record<string, unknown>, email = 'hostile@example.com') => {
      const { regToken } = await client.initRegistration()
      return client.register({
        regToken,
        email,
        password: 'Secret-123',
        profile: { firstName: 'Eve', zip: '10001' },
        data: { terms: true, ...data },
        preferences: { terms: { tos: { isConsentGranted: true } } },
        finalizeRegistration: true,
      })
    }
    return { register, warnings }
  }

  it('answers a 50 kB value for a field with a catastrophic format without hanging', async () => {
    // The emulator refuses parameters over 64 kB, but these patterns hang on 30 characters.
    const value = `${'a'.repeat(50_000)}!`
    const formats = Object.fromEntries(CATASTROPHIC.map(([pattern], index) => [`evil${index}`, pattern]))
    const { register, warnings } = await emulatorWithFormats(formats)
    for (const [index, key] of Object.keys(formats).entries())
      await expect(register({ [key]: value }, `hostile${index}@example.com`)).resolves.toMatchObject({ errorCode: 0 })
    expect(warnings).toContainEqual(expect.stringMatching(/^format of data\.evil0 not checked \(nested quantifiers\)/))
  })

  it('checks a bounded pattern on short values and skips it on a 50 kB one', async () => {
    const { register } = await emulatorWithFormats({ code: '\\w+\\w+\\w+@' })
    const refused = await register({ code: 'ab' }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(AccountsError)
    expect((refused as AccountsError).fieldErrors()[0]?.fieldName).toBe('data.code')
    await expect(register({ code: 'a'.repeat(50_000) }, 'long@example.com')).resolves.toMatchObject({ errorCode: 0 })
  })
})
