// @vitest-environment node
/**
 * The lite screen's own path (`deriveLiteFields`, which its page carries) gives what the general one
 * gives: `deriveFieldsWith(…, { screen: 'lite', subscriptions })`, then the `fields` it lacks, never
 * required (what the newsletter form showed before it had a path of its own).
 */
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FieldSpec, SitePolicies, SiteSchema } from '../../../src/schema'
import { deriveFieldsWith } from '../../../src/schema/deriveFieldsWith'
import { deriveLiteFields, type LiteFieldsOptions } from '../../../src/schema/deriveLiteFields'
import { liteExtraFields } from '../../../src/schema/liteExtraFields'
import { translateDotnetRegex } from '../../../src/schema/translateDotnetRegex'
import { PATTERN_CORPUS } from '../property/patternCorpus'
import { policies, schema } from './siteFixtures'

function viaDeriveFieldsWith(
  site: SiteSchema | null | undefined,
  sitePolicies: SitePolicies | undefined,
  { subscriptions, fields }: LiteFieldsOptions,
): FieldSpec[] {
  const own = deriveFieldsWith(
    site,
    sitePolicies,
    { screen: 'lite', ...(subscriptions ? { subscriptions } : {}) },
    translateDotnetRegex,
  )
  if (!fields?.length) return own
  const names = new Set(own.map((field) => field.name))
  const extras = deriveFieldsWith(site, sitePolicies, { screen: 'lite', fields }, translateDotnetRegex)
  return [...own, ...extras.filter((field) => !names.has(field.name)).map((field) => ({ ...field, required: false }))]
}

function expectAgreement(site: unknown, sitePolicies: unknown, options: LiteFieldsOptions): void {
  const schemaArg = site as SiteSchema
  const policiesArg = sitePolicies as SitePolicies
  expect(
    deriveLiteFields(schemaArg, policiesArg, { ...options, extras: liteExtraFields }, translateDotnetRegex),
  ).toEqual(viaDeriveFieldsWith(schemaArg, policiesArg, options))
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('deriveLiteFields agrees with deriveFieldsWith', () => {
  const fixedNames = ['email', 'username', 'loginID', 'password', 'newPassword', 'passwordRetype', 'code', 'captcha']
  it.each<[string, LiteFieldsOptions]>([
    ['the default screen', {}],
    ['chosen subscriptions, in the caller order', { subscriptions: ['offers', 'newsletter'] }],
    ['unknown and unusable subscription ids', { subscriptions: ['nope', '', 'a..b', '__proto__', 'offers'] }],
    ['ids given with their suffix', { subscriptions: ['newsletter.email.isSubscribed', 'newsletter'] }],
    ['no subscription', { subscriptions: [] }],
    ['profile and data extras', { fields: ['profile.firstName', 'profile.gender', 'data.favoriteTeam', 'data.terms'] }],
    [
      'extras the screen already has',
      { fields: ['profile.email', 'subscriptions.newsletter', 'preferences.terms.tos'] },
    ],
    ['extras the screen cannot show', { fields: ['data.loyalty.points', 'profile.nope', 'nope', 'data.__proto__'] }],
    ['extras that are the fields of a call', { fields: fixedNames }],
    ['the security pair', { fields: ['secretQuestion', 'secretAnswer'] }],
    ['subscriptions and extras', { subscriptions: ['offers'], fields: ['subscriptions.newsletter', 'profile.zip'] }],
  ])('on the fixture site: %s', (_, options) => {
    expectAgreement(schema, policies, options)
  })

  it.each<[string, unknown, unknown]>([
    ['no schema', undefined, undefined],
    ['a null schema', null, policies],
    ['a schema that is no object', 'schema', policies],
    ['sections that are no objects', { profileSchema: 1, subscriptionsSchema: [], preferencesSchema: 'x' }, {}],
    [
      'definitions that are no objects, channels missing',
      {
        profileSchema: { fields: { email: 'x' } },
        subscriptionsSchema: { fields: { a: null, b: {}, c: { email: 3 }, d: { email: {} } } },
        preferencesSchema: { fields: { t: [], u: { required: true, writeAccess: 'clientModify' } } },
      },
      { registration: 'x', accountOptions: { loginIdentifiers: 7 } },
    ],
    [
      'prototype keys, as parsed JSON holds them',
      JSON.parse(
        '{"profileSchema":{"fields":{"__proto__":{"type":"string","writeAccess":"clientModify"}}},' +
          '"subscriptionsSchema":{"fields":{"__proto__":{"email":{"type":"subscription"}}}},' +
          '"preferencesSchema":{"fields":{"__proto__":{"required":true,"writeAccess":"clientModify"},' +
          '"a..b":{"required":true,"writeAccess":"clientModify"}}}}',
      ),
      policies,
    ],
  ])('on a hostile site: %s', (_, site, sitePolicies) => {
    expectAgreement(site, sitePolicies, {})
    expectAgreement(site, sitePolicies, { subscriptions: ['a', 'b', 'd'], fields: ['profile.email', 'password'] })
  })

  it('for hostile options', () => {
    for (const options of [
      { subscriptions: 'newsletter' },
      { subscriptions: [1, 'offers', null] },
      { fields: 'profile.firstName' },
      { fields: [3, 'profile.firstName'] },
      { fields: { length: 1 } },
    ])
      expectAgreement(schema, policies, options as unknown as LiteFieldsOptions)
  })
})

describe('deriveLiteFields agrees with deriveFieldsWith on random sites', () => {
  const key = fc.oneof(
    fc.constantFrom(
      'email',
      'firstName',
      'zip',
      'gender',
      'phones',
      'tos',
      'terms.tos',
      'news',
      'a.b',
      '__proto__',
      '',
    ),
    fc.stringMatching(/^[a-z][a-zA-Z.]{0,6}$/),
  )
  const format = fc.oneof(
    fc.constantFrom(undefined, null, '', 'true', ' true ', "regex('')", 'nonsense', 42),
    fc.constantFrom(...PATTERN_CORPUS.slice(0, 40).map((entry) => `regex('${entry.pattern}')`)),
  )
  const definition = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record(
        {
          type: fc.constantFrom(
            'string',
            'text',
            'long',
            'float',
            'boolean',
            'date',
            'consent',
            'subscription',
            'odd',
            7,
          ),
          required: fc.constantFrom(true, false, 'true'),
          writeAccess: fc.constantFrom('clientModify', 'clientCreate', 'serverOnly', undefined),
          format,
          description: fc.constantFrom('Weekly news', '', 5),
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(null, 'x', [], 0) },
  )
  const fields = fc.dictionary(key, definition, { maxKeys: 5 })
  const section = fc.oneof(
    { weight: 8, arbitrary: fields.map((defs) => ({ fields: defs })) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, 'x', { fields: [] }) },
  )
  const subscriptions = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .dictionary(
          key,
          fc.oneof(
            definition.map((email) => ({ email })),
            definition,
          ),
          { maxKeys: 4 },
        )
        .map((defs) => ({ fields: defs })),
    },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, 'x') },
  )
  const site = fc.record(
    { profileSchema: section, dataSchema: section, subscriptionsSchema: subscriptions, preferencesSchema: section },
    { requiredKeys: [] },
  )
  const sitePolicies = fc.oneof(
    fc.constant(undefined),
    fc.record(
      {
        registration: fc.record({ requireSecurityQuestion: fc.boolean(), requireCaptcha: fc.boolean() }),
        accountOptions: fc.record({ loginIdentifiers: fc.constantFrom('email', 'username', 'email,username', '', 3) }),
      },
      { requiredKeys: [] },
    ),
  )
  const name = fc.oneof(
    key.map((k) => `profile.${k}`),
    key.map((k) => `data.${k}`),
    key.map((k) => `subscriptions.${k}`),
    key.map((k) => `preferences.${k}.isConsentGranted`),
    fc.constantFrom('email', 'password', 'passwordRetype', 'loginID', 'captcha', 'secretAnswer', 'nope', ''),
  )
  const options = fc.record(
    {
      subscriptions: fc.oneof(fc.array(key, { maxLength: 4 }), fc.constantFrom('x', [1])),
      fields: fc.oneof(fc.array(name, { maxLength: 5 }), fc.constantFrom('profile.zip', [null])),
    },
    { requiredKeys: [] },
  )

  it('for any schema, policies and options', () => {
    fc.assert(
      fc.property(site, sitePolicies, options, (s, p, o) => {
        expectAgreement(s, p, o as LiteFieldsOptions)
      }),
      { numRuns: 500 },
    )
  })
})
