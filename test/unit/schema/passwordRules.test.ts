import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PasswordComplexityPolicy } from '../../../src/accounts/types'
import { passwordRules, passwordStrength } from '../../../src/schema'

/** Which rules `password` passes, by rule id. */
function verdicts(policy: PasswordComplexityPolicy, password: string): Record<string, boolean> {
  return Object.fromEntries(passwordRules(policy).map((rule) => [rule.id, rule.test(password)]))
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('passwordRules', () => {
  it('describes each requirement with the Web SDK message id and its %num', () => {
    const rules = passwordRules({ minLength: 8, minCharGroups: 2, regExp: '^(?=.*[!@#]).*$' })
    expect(rules.map(({ id, messageId, params }) => ({ id, messageId, params }))).toEqual([
      { id: 'minLength', messageId: 'num_characters_total', params: { num: 8 } },
      { id: 'minCharGroups', messageId: 'num_of_the_following_groups', params: { num: 2 } },
      { id: 'regExp', messageId: 'password_does_not_meet_complexity_requirements', params: {} },
    ])
  })

  it.each<[string, PasswordComplexityPolicy | undefined]>([
    ['no policy', undefined],
    ['an empty policy', {}],
    ['zeros', { minLength: 0, minCharGroups: 0, regExp: '' }],
    [
      'values of the wrong type',
      { minLength: '8', minCharGroups: null, regExp: 5 } as unknown as PasswordComplexityPolicy,
    ],
    ['negative and infinite values', { minLength: -3, minCharGroups: Infinity }],
  ])('%s sets no rule', (_, policy) => {
    expect(passwordRules(policy)).toEqual([])
  })

  it.each<[string, number, boolean]>([
    ['abcdefgh', 8, true],
    ['abcdefg', 8, false],
    ['😀😀😀😀', 4, true],
    ['😀😀😀😀', 5, false],
    ['aaa😀', 5, false],
    ['aaaa😀', 5, true],
    ['e\u0301', 2, true],
  ])('length of %j ≥ %i: %s (code points)', (password, minLength, passes) => {
    expect(verdicts({ minLength }, password)).toEqual({ minLength: passes })
  })

  it.each<[string, number]>([
    ['', 0],
    ['abc', 1],
    ['ABC', 1],
    ['123', 1],
    ['!?#', 1],
    ['abcABC', 2],
    ['Ärger123', 3],
    ['ärger', 1],
    ['éçß', 1],
    ['ΣΑΣ', 1],
    ['٣٤٥', 1],
    ['Ab1 ', 4],
    ['Ab1_', 4],
    ['Ab1😀', 4],
    ['ǅ', 0],
    ['²', 1],
  ])('%j covers %i character groups', (password, groups) => {
    for (let minCharGroups = 1; minCharGroups <= 4; minCharGroups += 1) {
      expect(verdicts({ minCharGroups }, password)).toEqual({ minCharGroups: groups >= minCharGroups })
    }
  })

  it.each<[string, string, boolean]>([
    ['^(?=.*[!@#]).*$', 'abc!', true],
    ['^(?=.*[!@#]).*$', 'abc', false],
    ['(?i)^[a-z0-9]+$', 'ABC123', true],
    ['^\\p{L}+\\d$', 'Ärger1', true],
  ])('regExp %s tested on %j: %s', (regExp, password, passes) => {
    expect(verdicts({ regExp }, password)).toEqual({ regExp: passes })
  })

  it('skips an untranslatable regExp with one warning', () => {
    expect(passwordRules({ minLength: 4, regExp: '(?>a+)b' }).map((rule) => rule.id)).toEqual(['minLength'])
    passwordRules({ regExp: '(?>a+)b' })
    expect(vi.mocked(console.warn).mock.calls).toEqual([
      [
        "[react-screensets] The password policy's pattern (?>a+)b cannot be checked in the browser (atomic group); only the server checks it.",
      ],
    ])
  })
})

describe('passwordStrength', () => {
  const policy = { minLength: 8, minCharGroups: 2 }

  it.each<[string, PasswordComplexityPolicy | undefined, number]>([
    ['', undefined, 0],
    ['', policy, 0],
    ['abcdefgh', policy, 0],
    ['Abc1', policy, 0],
    ['abcdefg1', policy, 1],
    ['Abcdefg1', policy, 2],
    ['abcdefghijk1', policy, 2],
    ['Abcdefghijk1', policy, 3],
    ['abcdefghijklmno1', policy, 3],
    ['Abcdefghijklmno1', policy, 4],
    ['Abcdefghijklmno1!xyz', policy, 4],
    ['a', undefined, 1],
    ['Ärger123', policy, 2],
    ['correct horse battery staple', undefined, 3],
    ['abc!def', { regExp: '^[a-z]+$' }, 0],
  ])('%j under %j → %i', (password, complexity, strength) => {
    expect(passwordStrength(password, complexity)).toBe(strength)
  })
})
