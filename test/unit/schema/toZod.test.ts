import { describe, expect, it } from 'vitest'
import {
  defaultValidationMessages,
  deriveFields,
  passwordRules,
  toZod,
  type FieldSpec,
  type SitePolicies,
  type ValidationMessages,
} from '../../../src/schema'
import { policies, schema } from './siteFixtures'

/** The messages per field name, keyed as react-hook-form's resolver keys them (path joined by dots). */
function errors(fields: readonly FieldSpec[], values: unknown, site: SitePolicies | undefined = policies) {
  const result = toZod(fields, site, defaultValidationMessages).safeParse(values)
  const byPath: Record<string, string[]> = {}
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.join('.')
    byPath[path] = [...(byPath[path] ?? []), issue.message]
  }
  return byPath
}

/** A single field of the given shape, named `data.value`. */
function field(traits: Partial<FieldSpec>): FieldSpec {
  return {
    name: 'data.value',
    section: 'data',
    kind: 'text',
    schemaType: 'string',
    label: 'Value',
    labelKey: 'data.value',
    required: false,
    mustBeTrue: false,
    ...traits,
  }
}

const atValue = (value: unknown) => ({ data: { value } })

const register = deriveFields(schema, policies)
const validRegistration = {
  email: 'ada@example.com',
  password: 'secret123',
  passwordRetype: 'secret123',
  profile: { firstName: 'Ada', zip: '12345' },
  data: { terms: true },
  preferences: { terms: { tos: { isConsentGranted: true } } },
}

describe('toZod over the fixture registration', () => {
  it('accepts a complete, valid form', () => {
    expect(errors(register, validRegistration)).toEqual({})
  })

  it('files each problem under the field name react-hook-form registered', () => {
    expect(errors(register, {})).toEqual({
      email: ['This field is required'],
      password: ['This field is required'],
      passwordRetype: ['This field is required'],
      'profile.firstName': ['This field is required'],
      'profile.zip': ['This field is required'],
      'data.terms': ['Please check this box to continue'],
      'preferences.terms.tos.isConsentGranted': ['Please check this box to continue'],
    })
  })

  it('gives each issue the nested path segments, as react-hook-form nests the values', () => {
    const result = toZod(register, policies, defaultValidationMessages).safeParse({})
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path)).toEqual([
      ['email'],
      ['password'],
      ['passwordRetype'],
      ['profile', 'firstName'],
      ['profile', 'zip'],
      ['data', 'terms'],
      ['preferences', 'terms', 'tos', 'isConsentGranted'],
    ])
  })

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    [
      'zip not matching the pattern',
      { profile: { firstName: 'Ada', zip: '1234' } },
      { 'profile.zip': ['Invalid ZIP code'] },
    ],
    ['unchecked terms', { data: { terms: false } }, { 'data.terms': ['Please check this box to continue'] }],
    [
      'unchecked consent',
      { preferences: { terms: { tos: { isConsentGranted: false } } } },
      { 'preferences.terms.tos.isConsentGranted': ['Please check this box to continue'] },
    ],
    ['invalid email', { email: 'ada@' }, { email: ['Email address is invalid'] }],
    ['retype mismatch', { passwordRetype: 'secret124' }, { passwordRetype: ['Passwords do not match'] }],
    [
      'password failing the policy, retyped the same',
      { password: 'short', passwordRetype: 'short' },
      {
        password: [
          'Password must contain at least 8 characters total',
          'Password must contain at least 2 of the following: an uppercase letter, a lowercase letter, a number, a special symbol',
        ],
      },
    ],
    [
      'password failing one rule',
      { password: 'abcdefghi', passwordRetype: 'abcdefghi' },
      {
        password: [
          'Password must contain at least 2 of the following: an uppercase letter, a lowercase letter, a number, a special symbol',
        ],
      },
    ],
  ])('%s', (_, change, expected) => {
    expect(errors(register, { ...validRegistration, ...change })).toEqual(expected)
  })

  it('checks optional fields only when they have a value', () => {
    const fields = deriveFields(schema, policies, {
      fields: ['profile.gender', 'profile.birthYear', 'data.favoriteTeam'],
    })
    expect(errors(fields, {})).toEqual({})
    expect(errors(fields, { profile: { gender: '', birthYear: '' }, data: { favoriteTeam: '' } })).toEqual({})
    expect(errors(fields, { profile: { gender: 'x', birthYear: '19x0' } })).toEqual({
      'profile.gender': ['Invalid Gender'],
      'profile.birthYear': ['Invalid Birth year'],
    })
    expect(errors(fields, { profile: { gender: 'f', birthYear: '1990' } })).toEqual({})
  })

  it('does not hold a login password to the policy', () => {
    const login = deriveFields(schema, policies, { screen: 'login' })
    expect(errors(login, { loginID: 'ada@example.com', password: 'x' })).toEqual({})
    expect(errors(login, { loginID: 'ada', password: '' })).toEqual({
      loginID: ['Email address is invalid'],
      password: ['This field is required'],
    })
  })

  it('nests subscription and data paths as react-hook-form does', () => {
    const lite = deriveFields(schema, policies, { screen: 'lite' })
    expect(errors(lite, { profile: { email: 'nope' } })).toEqual({
      'profile.email': ['Email address is invalid'],
      'preferences.terms.tos.isConsentGranted': ['Please check this box to continue'],
    })
    const points = field({
      name: 'data.loyalty.points',
      kind: 'number',
      schemaType: 'long',
      integer: true,
      required: true,
    })
    expect(errors([points], { data: { loyalty: { points: '1.5' } } })).toEqual({
      'data.loyalty.points': ['Invalid Value'],
    })
    expect(errors([points], { data: { loyalty: {} } })).toEqual({ 'data.loyalty.points': ['This field is required'] })
    expect(errors([points], { data: { loyalty: { points: '7' } } })).toEqual({})
  })
})

describe('toZod field by field', () => {
  it.each<[string, Partial<FieldSpec>, unknown, string[] | undefined]>([
    // required fires only on an empty value
    ['required, undefined', { required: true }, undefined, ['This field is required']],
    ['required, null', { required: true }, null, ['This field is required']],
    ['required, empty', { required: true }, '', ['This field is required']],
    ['required, a space', { required: true }, ' ', undefined],
    ['required, a value', { required: true }, 'x', undefined],
    ['optional, empty', {}, '', undefined],
    // the pattern is tested only on a non-empty value
    ['pattern, empty optional', { pattern: /^\d+$/ }, '', undefined],
    ['pattern, empty required', { pattern: /^\d+$/, required: true }, '', ['This field is required']],
    ['pattern, mismatch', { pattern: /^\d+$/ }, 'a1', ['Invalid Value']],
    ['pattern, match', { pattern: /^\d+$/ }, '12', undefined],
    // checkboxes
    ['must be true, unchecked', { kind: 'checkbox', mustBeTrue: true }, false, ['Please check this box to continue']],
    [
      'must be true, untouched',
      { kind: 'checkbox', mustBeTrue: true },
      undefined,
      ['Please check this box to continue'],
    ],
    ['must be true, checked', { kind: 'checkbox', mustBeTrue: true }, true, undefined],
    ['must be true, a string', { kind: 'checkbox', mustBeTrue: true }, 'on', ['Please check this box to continue']],
    ['required box, unchecked', { kind: 'checkbox', required: true }, false, undefined],
    ['required box, untouched', { kind: 'checkbox', required: true }, undefined, ['This field is required']],
    ['optional box, unchecked', { kind: 'checkbox' }, false, undefined],
    // selects
    ['select, listed', { kind: 'select', options: [{ value: 'f', label: 'F' }] }, 'f', undefined],
    ['select, unlisted', { kind: 'select', options: [{ value: 'f', label: 'F' }] }, 'x', ['Invalid Value']],
  ])('%s', (_, traits, value, expected) => {
    expect(errors([field(traits)], atValue(value))['data.value']).toEqual(expected)
  })

  const long = { kind: 'number', schemaType: 'long', integer: true } as const
  const integer = { kind: 'number', schemaType: 'integer', integer: true } as const
  const float = { kind: 'number', schemaType: 'float' } as const

  it.each<[Partial<FieldSpec>, unknown, boolean]>([
    [long, '', true],
    [long, '42', true],
    [long, '-42', true],
    [long, '+42', true],
    [long, '007', true],
    [long, '4.2', false],
    [long, '1e3', false],
    [long, ' 42', false],
    [long, 'abc', false],
    [long, '9007199254740991', true],
    [long, '9007199254740993', false],
    [long, 42, true],
    [long, 4.5, false],
    [long, NaN, true],
    [integer, '2147483647', true],
    [integer, '2147483648', false],
    [integer, '-2147483648', true],
    [integer, '-2147483649', false],
    [float, '4.25', true],
    [float, '-.5', true],
    [float, '5.', true],
    [float, '1e3', true],
    [float, '1e999', false],
    [float, '1,5', false],
    [float, 'NaN', false],
    [float, 'Infinity', false],
    [float, '.', false],
  ])('number %j: %j valid %s', (traits, value, valid) => {
    const expected = valid ? undefined : ['Invalid Value']
    expect(errors([field(traits)], atValue(value))['data.value']).toEqual(expected)
  })

  it.each<[unknown, boolean]>([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-1-5', false],
    ['24-01-05', false],
    ['2024-01-05T00:00:00Z', false],
    ['05/01/2024', false],
    [20240105, false],
  ])('date %j valid %s', (value, valid) => {
    expect(errors([field({ kind: 'date' })], atValue(value))['data.value']).toEqual(
      valid ? undefined : ['Invalid Value'],
    )
  })

  it.each<[unknown, boolean]>([
    ['ada@example.com', true],
    ['ada.lovelace+news@mail.example.co.uk', true],
    ["o'neil!#$%&*/=?^_`{|}~-@example.com", true],
    ['a@b.c', true],
    ['a@sub-domain.example', true],
    ['ada@localhost', false],
    ['ada@', false],
    ['@example.com', false],
    ['ada', false],
    ['ada..lovelace@example.com', false],
    ['.ada@example.com', false],
    ['ada.@example.com', false],
    ['ada@-example.com', false],
    ['ada@example-.com', false],
    ['ada@example..com', false],
    ['ada lovelace@example.com', false],
    ['ada@exa mple.com', false],
    ['"ada"@example.com', false],
    ['ada@[127.0.0.1]', false],
    ['adä@example.com', false],
    ['a@b@example.com', false],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, true],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, false],
    [42, false],
  ])('email %j valid %s', (value, valid) => {
    const email = field({ name: 'email', section: 'loginID', kind: 'email' })
    expect(errors([email], { email: value }).email).toEqual(valid ? undefined : ['Email address is invalid'])
  })

  it('reads only the values the form holds, never inherited properties', () => {
    const constructorField = field({ name: 'data.constructor', required: true })
    expect(errors([constructorField], { data: {} })).toEqual({ 'data.constructor': ['This field is required'] })
  })

  it('checks the kind before the pattern, so one message explains the problem', () => {
    const zip = field({ kind: 'number', schemaType: 'long', integer: true, pattern: /^\d{5}$/ })
    expect(errors([zip], atValue('12a'))['data.value']).toEqual(['Invalid Value'])
    expect(errors([zip], atValue('123'))['data.value']).toEqual(['Invalid Value'])
    expect(errors([zip], atValue('12345'))['data.value']).toBeUndefined()
  })

  it.each<[Partial<FieldSpec>, RegExp, unknown, boolean]>([
    [{ kind: 'number', schemaType: 'long', integer: true }, /^\d{2}$/, '007', false],
    [{ kind: 'number', schemaType: 'long', integer: true }, /^\d{1}$/, '007', true],
    [{ kind: 'number', schemaType: 'long', integer: true }, /^\d+$/, '-0', true],
    [{ kind: 'number', schemaType: 'float' }, /^\d+\.\d{2}$/, '7.50', false],
    [{ kind: 'number', schemaType: 'float' }, /^\d+$/, '1e3', true],
    [{ kind: 'checkbox' }, /^false$/, false, true],
  ])('judges the pattern of %j on the value the server receives: %s, %j valid %s', (traits, pattern, value, valid) => {
    expect(errors([field({ ...traits, pattern })], atValue(value))['data.value']).toEqual(
      valid ? undefined : ['Invalid Value'],
    )
  })

  it('compares the retype with the password even when the password itself is invalid', () => {
    const fields = deriveFields(null, policies, { fields: ['password', 'passwordRetype'] })
    expect(errors(fields, { password: 'a', passwordRetype: 'b' })).toEqual({
      password: [
        'Password must contain at least 8 characters total',
        'Password must contain at least 2 of the following: an uppercase letter, a lowercase letter, a number, a special symbol',
      ],
      passwordRetype: ['Passwords do not match'],
    })
  })

  it('takes every text from the messages it is given', () => {
    const messages: ValidationMessages = {
      required: (spec) => `required:${spec.name}`,
      invalid: (spec) => `invalid:${spec.name}`,
      mustBeChecked: (spec) => `check:${spec.name}`,
      invalidEmail: (spec) => `email:${spec.name}`,
      passwordsDoNotMatch: () => 'mismatch',
      passwordRule: (rule) => `rule:${rule.messageId}:${String(rule.params['num'])}`,
      notANumber: (spec) => `nan:${spec.name}`,
    }
    const fields = [
      ...deriveFields(schema, policies),
      field({ name: 'data.count', kind: 'number', schemaType: 'long', integer: true }),
    ]
    const values = {
      email: 'x',
      password: 'abc',
      passwordRetype: 'abd',
      profile: { zip: 'z' },
      data: { terms: false, count: 'many' },
    }
    const result = toZod(fields, policies, messages).safeParse(values)
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toEqual([
      'email:email',
      'rule:num_characters_total:8',
      'rule:num_of_the_following_groups:2',
      'mismatch',
      'required:profile.firstName',
      'invalid:profile.zip',
      'check:data.terms',
      'check:preferences.terms.tos.isConsentGranted',
      'nan:data.count',
    ])
  })

  it('uses the password rules of the policies it is given', () => {
    const [password] = deriveFields(null, undefined, { fields: ['password'] })
    const strict = { passwordComplexity: { minLength: 12 } }
    expect(password && errors([password], { password: 'abcdefgh' }, {})).toEqual({})
    expect(password && errors([password], { password: 'abcdefgh' }, strict)).toEqual({
      password: ['Password must contain at least 12 characters total'],
    })
    expect(passwordRules(strict.passwordComplexity)).toHaveLength(1)
  })

  it('returns the values unchanged on success', () => {
    const result = toZod(register, policies, defaultValidationMessages).safeParse(validRegistration)
    expect(result.success && result.data).toEqual(validRegistration)
  })
})
