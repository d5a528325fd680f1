import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  deriveFields,
  type DeriveFieldsOptions,
  type FieldSpec,
  type SitePolicies,
  type SiteSchema,
} from '../../../src/schema'
import { policies, schema } from './siteFixtures'

const names = (specs: FieldSpec[]) => specs.map((spec) => spec.name)
const byName = (specs: FieldSpec[], name: string) => specs.find((spec) => spec.name === name)
const withLoginIds = (loginIdentifiers: string): SitePolicies => ({ ...policies, accountOptions: { loginIdentifiers } })
const warnings = () => vi.mocked(console.warn).mock.calls.map(([message]) => String(message))

/** A schema whose sections are given by their `fields`. */
function schemaOf(sections: Partial<Record<keyof SiteSchema, Record<string, unknown>>>): SiteSchema {
  return Object.fromEntries(
    Object.entries(sections).map(([section, fields]) => [section, { fields }]),
  ) as unknown as SiteSchema
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('deriveFields over the fixture schema', () => {
  it.each([
    [
      'register',
      {},
      [
        'email',
        'password',
        'passwordRetype',
        'profile.firstName',
        'profile.zip',
        'data.terms',
        'preferences.terms.tos.isConsentGranted',
      ],
    ],
    ['login', {}, ['loginID', 'password']],
    [
      'lite',
      {},
      [
        'profile.email',
        'subscriptions.newsletter.email.isSubscribed',
        'subscriptions.offers.email.isSubscribed',
        'preferences.terms.tos.isConsentGranted',
      ],
    ],
    [
      'lite',
      { subscriptions: ['offers'] },
      ['profile.email', 'subscriptions.offers.email.isSubscribed', 'preferences.terms.tos.isConsentGranted'],
    ],
    [
      'complete-registration',
      { missing: ['profile.zip', 'data.terms', 'preferences.terms.tos'] },
      ['profile.zip', 'data.terms', 'preferences.terms.tos.isConsentGranted'],
    ],
    ['complete-registration', {}, []],
  ] as const)('%s %j → %j', (screen, options, expected) => {
    expect(names(deriveFields(schema, policies, { screen, ...options }))).toEqual(expected)
    expect(console.warn).not.toHaveBeenCalled()
  })

  const register = deriveFields(schema, policies)

  it.each<[string, Partial<FieldSpec>]>([
    [
      'email',
      {
        section: 'loginID',
        kind: 'email',
        schemaType: 'string',
        label: 'Email',
        labelKey: 'email',
        required: true,
        mustBeTrue: false,
        autoComplete: 'email',
        inputMode: 'email',
      },
    ],
    [
      'password',
      { section: 'password', kind: 'password', label: 'Password', required: true, autoComplete: 'new-password' },
    ],
    [
      'passwordRetype',
      {
        section: 'password',
        kind: 'password',
        label: 'Confirm password',
        required: true,
        autoComplete: 'new-password',
      },
    ],
    [
      'profile.firstName',
      {
        section: 'profile',
        kind: 'text',
        schemaType: 'string',
        label: 'First name',
        labelKey: 'profile.firstName',
        required: true,
        autoComplete: 'given-name',
        writeAccess: 'clientModify',
      },
    ],
    [
      'profile.zip',
      {
        section: 'profile',
        kind: 'text',
        label: 'ZIP code',
        required: true,
        autoComplete: 'postal-code',
        format: '^[0-9]{5}$',
        pattern: /^[0-9]{5}$/,
      },
    ],
    [
      'data.terms',
      { section: 'data', kind: 'checkbox', schemaType: 'boolean', label: 'Terms', required: true, mustBeTrue: true },
    ],
    [
      'preferences.terms.tos.isConsentGranted',
      {
        section: 'preferences',
        kind: 'checkbox',
        schemaType: 'consent',
        label: 'Terms of service',
        labelKey: 'preferences.terms.tos',
        genericLabelKey: 'terms_of_service',
        required: true,
        mustBeTrue: true,
        writeAccess: 'clientModify',
      },
    ],
  ])('register: %s', (name, expected) => {
    expect(byName(register, name)).toMatchObject(expected)
  })

  it('leaves out what is not set', () => {
    expect(byName(register, 'profile.firstName')).not.toHaveProperty('pattern')
    expect(byName(register, 'email')).not.toHaveProperty('writeAccess')
  })

  it('login asks for the login id and the current password', () => {
    expect(deriveFields(schema, policies, { screen: 'login' })).toEqual([
      {
        name: 'loginID',
        section: 'loginID',
        kind: 'email',
        schemaType: 'string',
        label: 'Email',
        labelKey: 'email',
        required: true,
        mustBeTrue: false,
        autoComplete: 'username',
        inputMode: 'email',
      },
      {
        name: 'password',
        section: 'password',
        kind: 'password',
        schemaType: 'string',
        label: 'Password',
        labelKey: 'password',
        required: true,
        mustBeTrue: false,
        autoComplete: 'current-password',
      },
    ])
  })

  it('lite: the profile email is required and subscriptions are labelled by their description', () => {
    const lite = deriveFields(schema, policies, { screen: 'lite' })
    expect(byName(lite, 'profile.email')).toMatchObject({ kind: 'email', required: true, autoComplete: 'email' })
    expect(byName(lite, 'subscriptions.newsletter.email.isSubscribed')).toEqual({
      name: 'subscriptions.newsletter.email.isSubscribed',
      section: 'subscriptions',
      kind: 'checkbox',
      schemaType: 'subscription',
      label: 'Weekly newsletter',
      labelKey: 'subscriptions.newsletter',
      description: 'Weekly newsletter',
      required: false,
      mustBeTrue: false,
    })
  })

  it('complete-registration: each missing field is required, a missing consent must be granted', () => {
    const specs = deriveFields(schema, policies, {
      screen: 'complete-registration',
      missing: ['data.favoriteTeam', 'preferences.terms.tos'],
    })
    expect(specs.map(({ required, mustBeTrue }) => ({ required, mustBeTrue }))).toEqual([
      { required: true, mustBeTrue: false },
      { required: true, mustBeTrue: true },
    ])
  })

  it('fields picks, orders and adds, resolving short forms, skipping unknown and server-only names', () => {
    const specs = deriveFields(schema, policies, {
      fields: [
        'profile.zip',
        'email',
        'profile.gender',
        'profile.birthYear',
        'data.favoriteTeam',
        'subscriptions.newsletter',
        'preferences.terms.tos',
        'profile.photoURL',
        'data.loyalty.points',
        'profile.nope',
        'bogus',
        'profile.zip',
        'profile.email',
        'password',
      ],
    })
    expect(names(specs)).toEqual([
      'profile.zip',
      'email',
      'profile.gender',
      'profile.birthYear',
      'data.favoriteTeam',
      'subscriptions.newsletter.email.isSubscribed',
      'preferences.terms.tos.isConsentGranted',
      'profile.email',
      'password',
    ])
    expect(byName(specs, 'profile.gender')).toMatchObject({
      kind: 'select',
      required: false,
      options: [
        { value: 'f', label: 'Female', labelKey: 'gender_female' },
        { value: 'm', label: 'Male', labelKey: 'gender_male' },
        { value: 'u', label: 'Prefer not to say', labelKey: 'gender_unspecified' },
      ],
      pattern: /^[fmu]{1}$/,
    })
    expect(byName(specs, 'profile.birthYear')).toMatchObject({
      kind: 'number',
      schemaType: 'long',
      label: 'Birth year',
      integer: true,
      inputMode: 'numeric',
      autoComplete: 'bday-year',
    })
    expect(byName(specs, 'data.favoriteTeam')).toMatchObject({ kind: 'text', label: 'Favorite team', required: false })
    expect(warnings()).toEqual([
      '[react-screensets] Field "profile.photoURL" is not rendered: only the server may write it.',
      '[react-screensets] Field "data.loyalty.points" is not rendered: only the server may write it.',
      '[react-screensets] Field "profile.nope" is not rendered: the schema has no such field.',
      '[react-screensets] Field "bogus" is not rendered: no such field.',
    ])
  })

  it('lite warns about an unknown subscription id and keeps the others', () => {
    const specs = deriveFields(schema, policies, { screen: 'lite', subscriptions: ['nope', 'newsletter'] })
    expect(names(specs)).toEqual([
      'profile.email',
      'subscriptions.newsletter.email.isSubscribed',
      'preferences.terms.tos.isConsentGranted',
    ])
    expect(warnings()).toEqual([
      '[react-screensets] Field "subscriptions.nope" is not rendered: the schema has no such subscription.',
    ])
  })
})

describe('deriveFields over hand-made schemas', () => {
  it.each<[unknown, Partial<FieldSpec>]>([
    ['string', { kind: 'text', schemaType: 'string' }],
    ['basic-string', { kind: 'text', schemaType: 'basic-string' }],
    ['text', { kind: 'textarea', schemaType: 'text' }],
    ['long', { kind: 'number', integer: true, inputMode: 'numeric' }],
    ['integer', { kind: 'number', integer: true, inputMode: 'numeric' }],
    ['float', { kind: 'number', inputMode: 'decimal' }],
    ['boolean', { kind: 'checkbox', mustBeTrue: false }],
    ['date', { kind: 'date' }],
    ['geo-point', { kind: 'text', schemaType: 'geo-point' }],
    [undefined, { kind: 'text', schemaType: 'string' }],
    [42, { kind: 'text', schemaType: 'string' }],
  ])('type %j → %j', (type, expected) => {
    const specs = deriveFields(
      schemaOf({ dataSchema: { value: { type, required: true, writeAccess: 'clientCreate' } } }),
      undefined,
      { fields: ['data.value'] },
    )
    expect(specs).toEqual([
      expect.objectContaining({ name: 'data.value', section: 'data', label: 'Value', required: true, ...expected }),
    ])
    expect(specs[0]?.writeAccess).toBe('clientCreate')
    if (expected.kind !== 'number') expect(specs[0]).not.toHaveProperty('integer')
  })

  it.each<[string, Partial<FieldSpec>]>([
    ['lastName', { label: 'Last name', autoComplete: 'family-name' }],
    ['nickname', { label: 'Nickname', autoComplete: 'nickname' }],
    ['country', { label: 'Country', autoComplete: 'country-name' }],
    ['city', { label: 'City', autoComplete: 'address-level2' }],
    ['state', { label: 'State', autoComplete: 'address-level1' }],
    ['address', { label: 'Address', autoComplete: 'street-address' }],
    ['birthMonth', { label: 'Birth month', autoComplete: 'bday-month' }],
    ['birthDay', { label: 'Birth day', autoComplete: 'bday-day' }],
    ['phones', { label: 'Phone number', autoComplete: 'tel', inputMode: 'tel' }],
    ['gender', { label: 'Gender', kind: 'select' }],
    ['photoURL', { label: 'Photo URL' }],
    ['bio', { label: 'Bio', kind: 'textarea' }],
  ])('profile.%s → %j', (key, expected) => {
    const type = key === 'bio' ? 'text' : 'string'
    const specs = deriveFields(
      schemaOf({ profileSchema: { [key]: { type, writeAccess: 'clientModify' } } }),
      undefined,
      { fields: [`profile.${key}`] },
    )
    expect(specs[0]).toMatchObject({ name: `profile.${key}`, ...expected })
  })

  it.each([
    ['long', 'number'],
    ['boolean', 'checkbox'],
    ['date', 'date'],
  ])('renders a profile.gender the schema types as %s by its type, not as a select of letters', (type, kind) => {
    const specs = deriveFields(
      schemaOf({ profileSchema: { gender: { type, writeAccess: 'clientModify' } } }),
      undefined,
      {
        fields: ['profile.gender'],
      },
    )
    expect(specs[0]).toMatchObject({ name: 'profile.gender', kind })
    expect(specs[0]).not.toHaveProperty('options')
  })

  it.each([
    ['terms.tos', 'Terms of service', 'terms_of_service'],
    ['legal.tos', 'Terms of service', 'terms_of_service'],
    ['privacy.policy', 'Privacy policy', undefined],
    ['marketing', 'Marketing', undefined],
  ])('consent %s is labelled %j (generic message id %s)', (key, label, genericLabelKey) => {
    const specs = deriveFields(
      schemaOf({ preferencesSchema: { [key]: { type: 'consent', writeAccess: 'clientModify' } } }),
      undefined,
      { fields: [`preferences.${key}`] },
    )
    expect(specs[0]).toMatchObject({ label, labelKey: `preferences.${key}`, required: false, mustBeTrue: false })
    expect(specs[0]?.genericLabelKey).toBe(genericLabelKey)
  })

  it.each([
    [{ format: 'true' }, true],
    [{ required: true }, true],
    [{ required: false, format: null }, false],
  ])('consent %j must be granted: %s', (attributes, mustBeTrue) => {
    const specs = deriveFields(
      schemaOf({ preferencesSchema: { c: { type: 'consent', writeAccess: 'clientCreate', ...attributes } } }),
      undefined,
      { fields: ['preferences.c.isConsentGranted'] },
    )
    expect(specs[0]?.mustBeTrue).toBe(mustBeTrue)
  })

  it('a "true" format on something other than a checkbox asks for nothing', () => {
    const specs = deriveFields(
      schemaOf({ dataSchema: { code: { type: 'string', format: 'true', writeAccess: 'clientModify' } } }),
      undefined,
      { fields: ['data.code'] },
    )
    expect(specs[0]?.mustBeTrue).toBe(false)
  })

  it('register renders only client-writable required fields; writeAccess missing means serverOnly', () => {
    const specs = deriveFields(
      schemaOf({
        profileSchema: {
          a: { type: 'string', required: true, writeAccess: 'clientModify' },
          b: { type: 'string', required: true, writeAccess: 'serverOnly' },
          c: { type: 'string', required: true },
          d: { type: 'string', required: false, writeAccess: 'clientModify' },
        },
        dataSchema: { 'nested.key': { type: 'long', required: true, writeAccess: 'clientCreate' } },
        preferencesSchema: {
          required: { type: 'consent', required: true, writeAccess: 'clientModify' },
          optional: { type: 'consent', required: false, writeAccess: 'clientModify' },
          serverOnly: { type: 'consent', required: true, writeAccess: 'serverOnly' },
        },
        subscriptionsSchema: { news: { email: { type: 'subscription', required: true } } },
      }),
      undefined,
    )
    expect(names(specs)).toEqual([
      'email',
      'password',
      'passwordRetype',
      'profile.a',
      'data.nested.key',
      'preferences.required.isConsentGranted',
    ])
    expect(byName(specs, 'data.nested.key')?.label).toBe('Nested key')
    expect(console.warn).not.toHaveBeenCalled()
  })

  it.each<[string, string | undefined, string[]]>([
    ['email only', 'email', ['email', 'password', 'passwordRetype']],
    ['email and provider email', 'email, providerEmail', ['email', 'password', 'passwordRetype']],
    ['username', 'username', ['username', 'password', 'passwordRetype', 'profile.email']],
    ['both', 'email, username', ['email', 'username', 'password', 'passwordRetype']],
    ['both, username first', 'username,email', ['email', 'username', 'password', 'passwordRetype']],
    ['nothing known', 'phone', ['email', 'password', 'passwordRetype']],
    ['no setting', undefined, ['email', 'password', 'passwordRetype']],
  ])('login identifiers: %s', (_, loginIdentifiers, expected) => {
    const profileEmail = schemaOf({
      profileSchema: { email: { type: 'string', required: true, writeAccess: 'clientModify' } },
    })
    const specs = deriveFields(profileEmail, { accountOptions: { loginIdentifiers } })
    expect(names(specs)).toEqual(expected)
    expect(specs.filter((spec) => spec.section === 'loginID').every((spec) => spec.required)).toBe(true)
  })

  it('username is a text field with username autofill', () => {
    expect(byName(deriveFields(null, withLoginIds('username')), 'username')).toMatchObject({
      section: 'loginID',
      kind: 'text',
      label: 'Username',
      autoComplete: 'username',
      required: true,
    })
  })

  it('an identifier that is not a login id may be added, optional', () => {
    const specs = deriveFields(null, withLoginIds('email'), { fields: ['email', 'username'] })
    expect(specs.map(({ name, required }) => [name, required])).toEqual([
      ['email', true],
      ['username', false],
    ])
  })

  it.each<[string, string, Partial<FieldSpec>]>([
    ['email', 'email', { kind: 'email', label: 'Email', inputMode: 'email' }],
    ['username', 'username', { kind: 'text', label: 'Username' }],
    ['both', 'email, username', { kind: 'text', label: 'Email or username' }],
  ])('login with %s identifiers', (_, loginIdentifiers, expected) => {
    const [loginID] = deriveFields(schema, withLoginIds(loginIdentifiers), { screen: 'login' })
    expect(loginID).toMatchObject({ name: 'loginID', autoComplete: 'username', ...expected })
    if (expected.inputMode === undefined) expect(loginID).not.toHaveProperty('inputMode')
  })

  it('login ignores fields', () => {
    expect(names(deriveFields(schema, policies, { screen: 'login', fields: ['profile.zip'] }))).toEqual([
      'loginID',
      'password',
    ])
  })

  it('adds the security question and the captcha when the policy requires them', () => {
    const specs = deriveFields(schema, {
      ...policies,
      registration: { requireSecurityQuestion: true, requireCaptcha: true },
    })
    expect(names(specs).slice(-3)).toEqual(['secretQuestion', 'secretAnswer', 'captcha'])
    expect(specs.slice(-3)).toEqual([
      expect.objectContaining({ section: 'security', kind: 'text', label: 'Security question', required: true }),
      expect.objectContaining({ section: 'security', kind: 'text', label: 'Security answer', required: true }),
      // A challenge the Captcha part renders, whose answer is no form value for the validator to require.
      expect.objectContaining({ section: 'captcha', kind: 'captcha', label: 'CAPTCHA', required: false }),
    ])
  })

  const requiring = (registration: Record<string, boolean>): SitePolicies => ({ ...policies, registration })

  it.each<[string, DeriveFieldsOptions, Record<string, boolean>, string[]]>([
    [
      'fields, captcha required',
      { fields: ['email', 'password'] },
      { requireCaptcha: true },
      ['email', 'password', 'captcha'],
    ],
    [
      'fields, security question required',
      { fields: ['email', 'password'] },
      { requireSecurityQuestion: true },
      ['email', 'password', 'secretQuestion', 'secretAnswer'],
    ],
    [
      'fields, both required',
      { fields: ['email', 'password'] },
      { requireCaptcha: true, requireSecurityQuestion: true },
      ['email', 'password', 'secretQuestion', 'secretAnswer', 'captcha'],
    ],
    [
      'fields that place the captcha themselves',
      { fields: ['captcha', 'email', 'password'] },
      { requireCaptcha: true },
      ['captcha', 'email', 'password'],
    ],
    ['fields, nothing required', { fields: ['email', 'password'] }, {}, ['email', 'password']],
    [
      'complete-registration asks only what is missing',
      { screen: 'complete-registration', missing: ['profile.zip'] },
      { requireCaptcha: true, requireSecurityQuestion: true },
      ['profile.zip'],
    ],
    ['lite has no captcha', { screen: 'lite', fields: ['profile.email'] }, { requireCaptcha: true }, ['profile.email']],
  ])("the policy's controls are never left out: %s", (_, options, registration, expected) => {
    expect(names(deriveFields(schema, requiring(registration), options))).toEqual(expected)
  })

  it.each<[string, DeriveFieldsOptions, Record<string, boolean>, string[]]>([
    [
      'register: after the default fields',
      { extra: ['profile.gender'] },
      {},
      [
        'email',
        'password',
        'passwordRetype',
        'profile.firstName',
        'profile.zip',
        'data.terms',
        'preferences.terms.tos.isConsentGranted',
        'profile.gender',
      ],
    ],
    [
      "register: after the caller's fields, before the policy's controls, the security answer with its question",
      { fields: ['email', 'password'], extra: ['data.terms', 'secretAnswer'] },
      { requireCaptcha: true },
      ['email', 'password', 'data.terms', 'secretQuestion', 'secretAnswer', 'captcha'],
    ],
    [
      'register: a consent or subscription by its server name, a field already shown once',
      { fields: ['email', 'password'], extra: ['preferences.terms.tos', 'email', 'subscriptions.newsletter'] },
      {},
      ['email', 'password', 'preferences.terms.tos.isConsentGranted', 'subscriptions.newsletter.email.isSubscribed'],
    ],
    [
      'complete-registration: after the missing fields',
      { screen: 'complete-registration', missing: ['profile.zip'], extra: ['data.terms'] },
      {},
      ['profile.zip', 'data.terms'],
    ],
    ['login: no schema field', { screen: 'login', extra: ['profile.zip'] }, {}, ['loginID', 'password']],
    [
      'login: the CAPTCHA a login needs after failed attempts (401020), even where registration needs none',
      { screen: 'login', extra: ['profile.zip', 'captcha'] },
      {},
      ['loginID', 'password', 'captcha'],
    ],
  ])('extra fields a server answer named: %s', (_, options, registration, expected) => {
    expect(names(deriveFields(schema, requiring(registration), options))).toEqual(expected)
    expect(console.warn).not.toHaveBeenCalled()
  })

  it('extra fields the site cannot render are skipped with a warning', () => {
    const site = schemaOf({
      profileSchema: {
        internalScore: { type: 'long', writeAccess: 'serverOnly' },
        nickname: { type: 'string', writeAccess: 'clientModify' },
      },
    })
    const specs = deriveFields(site, undefined, {
      fields: ['email', 'password'],
      extra: ['siteUID', 'profile.internalScore', 'data.shoeSize', 'profile.nickname'],
    })
    expect(names(specs)).toEqual(['email', 'password', 'profile.nickname'])
    expect(warnings()).toEqual([
      '[react-screensets] Field "siteUID" is not rendered: no such field.',
      '[react-screensets] Field "profile.internalScore" is not rendered: only the server may write it.',
      '[react-screensets] Field "data.shoeSize" is not rendered: the schema has no such field.',
    ])
  })

  it('lite shows the profile email even when the schema lacks it', () => {
    expect(deriveFields(null, undefined, { screen: 'lite' })).toEqual([
      {
        name: 'profile.email',
        section: 'profile',
        kind: 'email',
        schemaType: 'string',
        label: 'Email',
        labelKey: 'profile.email',
        required: true,
        mustBeTrue: false,
        autoComplete: 'email',
        inputMode: 'email',
      },
    ])
  })

  it('lite honours fields', () => {
    const specs = deriveFields(schema, policies, {
      screen: 'lite',
      fields: ['profile.email', 'profile.firstName', 'subscriptions.offers.email.isSubscribed'],
    })
    expect(names(specs)).toEqual(['profile.email', 'profile.firstName', 'subscriptions.offers.email.isSubscribed'])
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'schema'],
    ['an array', []],
    ['an empty object', {}],
  ])('a schema that is %s gives just the login id and password', (_, site) => {
    expect(names(deriveFields(site as SiteSchema, undefined))).toEqual(['email', 'password', 'passwordRetype'])
    expect(console.warn).not.toHaveBeenCalled()
  })

  it('skips malformed sections and definitions with one warning each, renders the rest', () => {
    const malformed = {
      profileSchema: 'oops',
      dataSchema: { fields: 5 },
      preferencesSchema: { fields: { broken: null, list: [1], ok: { required: true, writeAccess: 'clientModify' } } },
      subscriptionsSchema: { fields: { news: { email: 'yes' }, weekly: { email: { description: 'Weekly' } } } },
    } as unknown as SiteSchema
    const specs = deriveFields(malformed, undefined, {
      fields: ['email', 'subscriptions.news', 'subscriptions.weekly', 'preferences.ok', 'profile.zip'],
    })
    deriveFields(malformed, undefined)
    expect(names(specs)).toEqual([
      'email',
      'subscriptions.weekly.email.isSubscribed',
      'preferences.ok.isConsentGranted',
    ])
    expect(warnings()).toEqual([
      `[react-screensets] The schema's profileSchema has no "fields" object; its fields are not rendered.`,
      `[react-screensets] The schema's dataSchema has no "fields" object; its fields are not rendered.`,
      `[react-screensets] The schema's preferencesSchema.fields["broken"] is not an object; skipped.`,
      `[react-screensets] The schema's preferencesSchema.fields["list"] is not an object; skipped.`,
      '[react-screensets] Field "subscriptions.news" is not rendered: the schema has no such subscription.',
      '[react-screensets] Field "profile.zip" is not rendered: the schema has no such field.',
    ])
  })

  it('uses the default screen when fields is not an array, and skips non-string names', () => {
    expect(names(deriveFields(null, undefined, { fields: 'email' as unknown as string[] }))).toEqual([
      'email',
      'password',
      'passwordRetype',
    ])
    expect(names(deriveFields(null, undefined, { fields: ['password', 7 as unknown as string] }))).toEqual(['password'])
    expect(warnings()).toEqual([
      '[react-screensets] The "fields" option is not an array and is ignored.',
      '[react-screensets] The "fields" option holds a non-string (7); skipped.',
    ])
  })

  it('an untranslatable pattern leaves the field unchecked in the browser and warns once', () => {
    const site = schemaOf({
      profileSchema: { code: { type: 'string', format: "regex('(?>ab)c')", writeAccess: 'clientModify' } },
      dataSchema: { other: { type: 'string', format: "regex('(?>ab)c')", writeAccess: 'clientModify' } },
    })
    const specs = deriveFields(site, undefined, { fields: ['profile.code', 'data.other'] })
    deriveFields(site, undefined, { fields: ['profile.code'] })
    expect(specs.map((spec) => [spec.format, spec.pattern])).toEqual([
      ['(?>ab)c', undefined],
      ['(?>ab)c', undefined],
    ])
    expect(warnings()).toEqual([
      '[react-screensets] profile.code: the pattern (?>ab)c cannot be checked in the browser (atomic group); only the server checks it.',
    ])
  })

  it('prototype keys are plain unknown names', () => {
    expect(names(deriveFields(schema, policies, { fields: ['profile.constructor', 'data.__proto__'] }))).toEqual([])
  })
})
