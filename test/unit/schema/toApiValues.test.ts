import { describe, expect, it } from 'vitest'
import { deriveFields, toApiValues, type ApiValues, type FieldSpec } from '../../../src/schema'
import { policies, schema } from './siteFixtures'

function field(traits: Partial<FieldSpec> & Pick<FieldSpec, 'name' | 'section'>): FieldSpec {
  return {
    kind: 'text',
    schemaType: 'string',
    label: 'Value',
    labelKey: traits.name,
    required: false,
    mustBeTrue: false,
    ...traits,
  }
}

describe('toApiValues', () => {
  it('turns a registration form into register parameters', () => {
    const fields = deriveFields(schema, policies, {
      fields: [
        'email',
        'password',
        'passwordRetype',
        'profile.firstName',
        'profile.lastName',
        'profile.birthYear',
        'profile.zip',
        'data.terms',
        'data.favoriteTeam',
        'subscriptions.newsletter',
        'subscriptions.offers',
        'preferences.terms.tos',
      ],
    })
    const values = {
      email: 'ada@example.com',
      password: 'secret123',
      passwordRetype: 'secret123',
      profile: { firstName: 'Ada', lastName: '', birthYear: '1990', zip: '01234' },
      data: { terms: true, favoriteTeam: '' },
      subscriptions: { newsletter: { email: { isSubscribed: true } }, offers: { email: { isSubscribed: false } } },
      preferences: { terms: { tos: { isConsentGranted: true } } },
    }
    expect(toApiValues(fields, values)).toEqual<ApiValues>({
      email: 'ada@example.com',
      password: 'secret123',
      profile: { firstName: 'Ada', birthYear: 1990, zip: '01234' },
      data: { terms: true },
      subscriptions: { newsletter: { email: { isSubscribed: true } }, offers: { email: { isSubscribed: false } } },
      preferences: { terms: { tos: { isConsentGranted: true } } },
    })
  })

  it.each<[string, FieldSpec, unknown, ApiValues]>([
    ['username', field({ name: 'username', section: 'loginID' }), { username: 'ada' }, { username: 'ada' }],
    ['login id', field({ name: 'loginID', section: 'loginID' }), { loginID: 'ada' }, { loginID: 'ada' }],
    [
      'security question',
      field({ name: 'secretQuestion', section: 'security' }),
      { secretQuestion: 'Pet?' },
      { secretQuestion: 'Pet?' },
    ],
    [
      'security answer',
      field({ name: 'secretAnswer', section: 'security' }),
      { secretAnswer: 'Rex' },
      { secretAnswer: 'Rex' },
    ],
    // Its solution is added once the submit passed validation: nothing the form holds is sent for it.
    ['captcha', field({ name: 'captcha', section: 'captcha', kind: 'captcha' }), { captcha: 'token-1' }, {}],
    ['retype', field({ name: 'passwordRetype', section: 'password' }), { passwordRetype: 'x' }, {}],
    [
      'nested data key',
      field({ name: 'data.loyalty.points', section: 'data', kind: 'number', schemaType: 'long', integer: true }),
      { data: { loyalty: { points: '-12' } } },
      { data: { loyalty: { points: -12 } } },
    ],
    [
      'float',
      field({ name: 'data.ratio', section: 'data', kind: 'number', schemaType: 'float' }),
      { data: { ratio: '0.25' } },
      { data: { ratio: 0.25 } },
    ],
    [
      'number already a number',
      field({ name: 'data.n', section: 'data', kind: 'number', schemaType: 'long', integer: true }),
      { data: { n: 3 } },
      { data: { n: 3 } },
    ],
    [
      'unparsable number, sent for the server to judge',
      field({ name: 'data.n', section: 'data', kind: 'number', schemaType: 'long', integer: true }),
      { data: { n: '3x' } },
      { data: { n: '3x' } },
    ],
    [
      'empty number',
      field({ name: 'data.n', section: 'data', kind: 'number', schemaType: 'long', integer: true }),
      { data: { n: '' } },
      {},
    ],
    [
      'NaN from valueAsNumber',
      field({ name: 'data.n', section: 'data', kind: 'number', schemaType: 'long', integer: true }),
      { data: { n: NaN } },
      {},
    ],
    [
      'unchecked box',
      field({ name: 'data.flag', section: 'data', kind: 'checkbox' }),
      { data: { flag: false } },
      {
        data: { flag: false },
      },
    ],
    [
      'unchecked box that must be checked, sent for the server to judge by the same rule',
      field({ name: 'data.terms', section: 'data', kind: 'checkbox', mustBeTrue: true }),
      { data: { terms: false } },
      { data: { terms: false } },
    ],
    ['untouched box', field({ name: 'data.flag', section: 'data', kind: 'checkbox' }), {}, {}],
    [
      'box holding a string',
      field({ name: 'data.flag', section: 'data', kind: 'checkbox' }),
      { data: { flag: 'on' } },
      {},
    ],
    [
      'text kept untrimmed',
      field({ name: 'profile.city', section: 'profile' }),
      { profile: { city: ' Paris ' } },
      {
        profile: { city: ' Paris ' },
      },
    ],
    ['null', field({ name: 'profile.city', section: 'profile' }), { profile: { city: null } }, {}],
    ['an object', field({ name: 'profile.city', section: 'profile' }), { profile: { city: { a: 1 } } }, {}],
    [
      'date',
      field({ name: 'data.since', section: 'data', kind: 'date' }),
      { data: { since: '2024-01-05' } },
      {
        data: { since: '2024-01-05' },
      },
    ],
    [
      'subscription with a dotted id',
      field({ name: 'subscriptions.a.b.email.isSubscribed', section: 'subscriptions', kind: 'checkbox' }),
      { subscriptions: { a: { b: { email: { isSubscribed: true } } } } },
      { subscriptions: { 'a.b': { email: { isSubscribed: true } } } },
    ],
    [
      'consent left unchecked',
      field({ name: 'preferences.privacy.isConsentGranted', section: 'preferences', kind: 'checkbox' }),
      { preferences: { privacy: { isConsentGranted: false } } },
      { preferences: { privacy: { isConsentGranted: false } } },
    ],
  ])('%s', (_, spec, values, expected) => {
    expect(toApiValues([spec], values)).toEqual(expected)
  })

  it('merges fields of one section', () => {
    const fields = [field({ name: 'data.a.x', section: 'data' }), field({ name: 'data.a.y', section: 'data' })]
    expect(toApiValues(fields, { data: { a: { x: '1', y: '2' } } })).toEqual({ data: { a: { x: '1', y: '2' } } })
  })

  it.each([undefined, null, 'values', 5])('tolerates values that are %j', (values) => {
    expect(toApiValues(deriveFields(schema, policies), values)).toEqual({})
  })
})
