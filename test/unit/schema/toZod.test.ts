import { describe, expect, it } from 'vitest'
import { z } from 'zod/mini'
import { siteZodSchema } from '../../../src/prefetch'
import {
  defaultValidationMessages,
  deriveFields,
  passwordRules,
  toZod,
  type DeriveFieldsOptions,
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
    // Field by field in the order of the nested objects, then the check that spans fields.
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toEqual([
      'email:email',
      'rule:num_characters_total:8',
      'rule:num_of_the_following_groups:2',
      'required:profile.firstName',
      'invalid:profile.zip',
      'check:data.terms',
      'nan:data.count',
      'check:preferences.terms.tos.isConsentGranted',
      'mismatch',
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

/** The JSON Schema of the form's property at `path`. */
function jsonAt(json: unknown, path: readonly string[]): unknown {
  return path.reduce((node, key) => (node as { properties: Record<string, unknown> }).properties[key], json)
}

/** The JSON Schema of a single field of the given shape (`data.value`). */
const jsonOf = (traits: Partial<FieldSpec>) =>
  jsonAt(z.toJSONSchema(toZod([field(traits)], policies, defaultValidationMessages)), ['data', 'value'])

const SCREENS: readonly NonNullable<DeriveFieldsOptions['screen']>[] = [
  'register',
  'complete-registration',
  'login',
  'lite',
  'lite-progression',
  'forgot-password',
  'forgot-password-security',
  'reset-password',
  'password-change-required',
  'email-code-verification',
]

describe('toZod as the zod schema of the form', () => {
  const form = toZod(register, policies, defaultValidationMessages)

  it('is an object nested by the fields names', () => {
    expect(Object.keys(form.shape)).toEqual(['email', 'password', 'passwordRetype', 'profile', 'data', 'preferences'])
    const json = z.toJSONSchema(form)
    expect(Object.keys(jsonAt(json, ['profile']) as object)).toContain('properties')
    expect(Object.keys((jsonAt(json, ['profile']) as { properties: object }).properties)).toEqual(['firstName', 'zip'])
    expect(jsonAt(json, ['preferences', 'terms', 'tos', 'isConsentGranted'])).toEqual({ type: 'boolean', const: true })
    expect((json as { required: string[] }).required).toEqual([
      'email',
      'password',
      'passwordRetype',
      'profile',
      'data',
      'preferences',
    ])
    expect((jsonAt(json, ['profile']) as { required: string[] }).required).toEqual(['firstName', 'zip'])
  })

  const NO_VALUE = { anyOf: [{ enum: ['', null] }, { type: 'null' }] }
  const text = { type: 'string', minLength: 1 }

  it.each<[string, Partial<FieldSpec>, unknown]>([
    ['text', { required: true }, text],
    ['textarea', { kind: 'textarea', required: true }, text],
    ['password', { kind: 'password', required: true }, text],
    ['optional text', {}, { anyOf: [text, NO_VALUE] }],
    ['checkbox', { kind: 'checkbox', required: true }, { type: 'boolean' }],
    ['optional checkbox', { kind: 'checkbox' }, { anyOf: [{ type: 'boolean' }, NO_VALUE] }],
    ['must-be-true checkbox', { kind: 'checkbox', mustBeTrue: true }, { type: 'boolean', const: true }],
    ['long', { kind: 'number', schemaType: 'long', integer: true, required: true }, { type: ['number', 'string'] }],
    [
      'integer',
      { kind: 'number', schemaType: 'integer', integer: true, required: true },
      { type: ['number', 'string'] },
    ],
    ['float', { kind: 'number', schemaType: 'float', required: true }, { type: ['number', 'string'] }],
    [
      'select',
      {
        kind: 'select',
        required: true,
        options: [
          { value: 'f', label: 'F' },
          { value: 'm', label: 'M' },
        ],
      },
      { type: 'string', enum: ['f', 'm'] },
    ],
  ])('types a %s field', (_, traits, expected) => {
    expect(jsonOf(traits)).toEqual(expected)
  })

  it('types a date and an email by their formats', () => {
    expect(jsonOf({ kind: 'date', required: true })).toMatchObject({ type: 'string', format: 'date' })
    const email = jsonOf({ kind: 'email', required: true }) as { type: string; pattern: string }
    expect(email.type).toBe('string')
    expect(new RegExp(email.pattern).test('ada@example.com')).toBe(true)
    expect(
      new RegExp(email.pattern).test(`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`),
    ).toBe(false)
  })

  it('lists the required fields as required, and leaves out the optional ones', () => {
    const fields = [field({ name: 'data.a', required: true }), field({ name: 'data.b' })]
    const json = z.toJSONSchema(toZod(fields, policies, defaultValidationMessages))
    expect((jsonAt(json, ['data']) as { required: string[] }).required).toEqual(['a'])
  })

  it('gives a CAPTCHA, which has no value in the form, no schema', () => {
    const fields = deriveFields(schema, policies, { fields: ['email', 'captcha'] })
    expect(fields.map((spec) => spec.name)).toEqual(['email', 'captcha'])
    expect(Object.keys(toZod(fields, policies, defaultValidationMessages).shape)).toEqual(['email'])
  })

  it('gives one message for an email both too long and malformed', () => {
    expect(errors(register, { ...validRegistration, email: `${'a'.repeat(250)}@example..com` })).toEqual({
      email: ['Email address is invalid'],
    })
  })

  it('judges a field alone by its schema in the shape', () => {
    const email = form.shape['email']
    expect(email?.safeParse('ada@example.com').success).toBe(true)
    expect(email?.safeParse('ada@').error?.issues.map((issue) => issue.message)).toEqual(['Email address is invalid'])
  })

  it('can be extended with fields of the caller, keeping the check that spans fields', () => {
    const extended = z.extend(form, { regToken: z.string() })
    expect(extended.safeParse({ ...validRegistration, regToken: 'st2.x' })).toMatchObject({
      success: true,
      data: { ...validRegistration, regToken: 'st2.x' },
    })
    const refused = extended.safeParse({ ...validRegistration, passwordRetype: 'other' })
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['regToken', 'passwordRetype'])
  })

  it('can have a field replaced with safeExtend, or be rebuilt from its shape', () => {
    expect(() => z.extend(form, { email: z.string() })).toThrow(/safeExtend/)
    const anyEmail = z.safeExtend(form, { email: z.string() })
    expect(anyEmail.safeParse({ ...validRegistration, email: 'ada' }).success).toBe(true)
    expect(anyEmail.safeParse({ ...validRegistration, email: 'ada', passwordRetype: 'other' }).success).toBe(false)
    const login = toZod(deriveFields(schema, policies, { screen: 'login' }), policies, defaultValidationMessages)
    const remembered = z.object({ ...login.shape, remember: z.boolean() })
    expect(remembered.safeParse({ loginID: 'ada@example.com', password: 'x', remember: true }).success).toBe(true)
    expect(remembered.safeParse({ loginID: 'ada', password: 'x', remember: true }).success).toBe(false)
  })

  it('keeps only the form s fields in the parsed data', () => {
    const result = form.safeParse({
      ...validRegistration,
      regToken: 'st2.x',
      profile: { ...validRegistration.profile, x: 1 },
    })
    expect(result.data).toEqual(validRegistration)
  })

  it.each(SCREENS)('turns into JSON Schema without throwing, on %s', (screen) => {
    const fields = deriveFields(schema, policies, { screen, missing: ['profile.zip', 'data.terms'] })
    const screenSchema = toZod(fields, policies, defaultValidationMessages)
    expect(() => z.toJSONSchema(screenSchema)).not.toThrow()
    expect(() => z.toJSONSchema(screenSchema, { io: 'input' })).not.toThrow()
  })

  it('turns into JSON Schema without throwing, with every kind, a pattern and every password rule', () => {
    const strict = { passwordComplexity: { minLength: 8, minCharGroups: 3, regExp: '\\\\d' } }
    const fields = [
      ...deriveFields(null, strict, { fields: ['password', 'passwordRetype'] }),
      ...(['text', 'textarea', 'email', 'number', 'checkbox', 'date', 'select'] as const).map((kind) =>
        field({ name: `data.${kind}`, kind, pattern: /^\w+$/, patternMaxLength: 20 }),
      ),
    ]
    expect(passwordRules(strict.passwordComplexity)).toHaveLength(3)
    const json = z.toJSONSchema(toZod(fields, strict, defaultValidationMessages))
    expect(Object.keys((jsonAt(json, ['data']) as { properties: object }).properties)).toHaveLength(7)
  })
})

describe('siteZodSchema, for a server', () => {
  const body = (values: unknown): unknown => JSON.parse(JSON.stringify(values))

  it('builds the schema the form uses from the getSchema and getPolicies answers', () => {
    const server = siteZodSchema({ schema, policies })
    expect(server.safeParse(body(validRegistration)).success).toBe(true)
    const refused = { ...validRegistration, email: 'ada@', password: 'short', passwordRetype: 'other' }
    expect(server.safeParse(body(refused)).error?.issues).toEqual(
      toZod(register, policies, defaultValidationMessages).safeParse(refused).error?.issues,
    )
  })

  it('takes the screen, its fields and the messages', () => {
    const login = siteZodSchema({ schema, policies, screen: 'login' })
    expect(Object.keys(login.shape)).toEqual(['loginID', 'password'])
    const zip = siteZodSchema({
      schema,
      policies,
      fields: ['profile.zip'],
      messages: { ...defaultValidationMessages, invalid: (spec) => `bad ${spec.name}` },
    })
    expect(zip.safeParse(body({ profile: { zip: '1' } })).error?.issues.map((issue) => issue.message)).toEqual([
      'bad profile.zip',
    ])
  })
})
