// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountsError } from '../../../src'
import { translateDotnetRegex } from '../../../src/emulator/dotnetRegex'
import { DEFAULT_SITE } from '../../../src/server'
import {
  COMPLETE,
  PASSWORD,
  rejection,
  siteWith,
  startHarness,
  uniqueEmail,
  type Harness,
} from '../../support/emulatorHarness'

const otherSite = siteWith('3_other')
let h: Harness

beforeAll(async () => {
  h = await startHarness([DEFAULT_SITE, otherSite])
})

afterAll(async () => {
  await h.close()
})

/** The token with the character at `index` (negative: from the end) replaced by another. */
function tamper(token: string, index: number): string {
  const at = index < 0 ? token.length + index : index
  const replacement = token[at] === 'A' ? 'B' : 'A'
  return `${token.slice(0, at)}${replacement}${token.slice(at + 1)}`
}

async function freshToken(apiKey = DEFAULT_SITE.apiKey, isLite = false) {
  return (await h.client(apiKey).initRegistration({ isLite })).regToken
}

function register(regToken: string, extra: Record<string, unknown> = {}) {
  return h
    .client()
    .register({ regToken, email: uniqueEmail(), password: PASSWORD, ...COMPLETE, finalizeRegistration: true, ...extra })
}

describe('regTokens', () => {
  it('issues full and lite tokens, told apart by _LTE_', async () => {
    expect(await freshToken()).toMatch(/^RT1_(?!LTE_)/)
    expect(await freshToken(DEFAULT_SITE.apiKey, true)).toMatch(/^RT1_LTE_/)
  })

  it.each([
    ['unknown', () => Promise.resolve('RT1_nonsense')],
    // A character inside the signature: the last one carries bits base64url ignores, so changing it may not tamper.
    ['tampered', async () => tamper(await freshToken(), -5)],
    ['tampered in its payload', async () => tamper(await freshToken(), 8)],
    ['from another site', () => freshToken(otherSite.apiKey)],
    ['a lite one', () => freshToken(DEFAULT_SITE.apiKey, true)],
    ['empty-signature', async () => `${(await freshToken()).split('.')[0]}.`],
  ])('refuses a token that is %s with 400006 Invalid regToken', async (_label, token) => {
    await expect(rejection(register(await token()))).resolves.toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid regToken',
      isRegTokenInvalid: true,
    })
  })

  it('refuses a token older than one hour with 403002, and accepts it just before', async () => {
    const young = await freshToken()
    const old = await freshToken()
    h.clock.now += 60 * 60 * 1000
    try {
      await expect(register(young)).resolves.toMatchObject({ errorCode: 0 })
      h.clock.now += 1
      await expect(rejection(register(old))).resolves.toMatchObject({
        errorCode: 403002,
        errorDetails: 'regToken expired',
        isRegTokenInvalid: true,
      })
    } finally {
      h.clock.now = Date.now()
    }
  })

  it('refuses a token once its registration is finished', async () => {
    const token = await freshToken()
    await register(token)
    await expect(rejection(register(token))).resolves.toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid regToken',
    })
  })

  it('needs a regToken (400002)', async () => {
    await expect(
      rejection(h.client().call('accounts.register', { email: uniqueEmail(), password: PASSWORD } as never)),
    ).resolves.toMatchObject({
      errorCode: 400002,
      errorDetails: 'Missing required parameter: regToken',
    })
  })
})

describe('keys and credentials', () => {
  it('refuses an unknown or missing apiKey with 400093', async () => {
    await expect(rejection(h.client('3_unknown').getSchema())).resolves.toMatchObject({ errorCode: 400093 })
    await expect(h.raw('accounts.getSchema', {})).resolves.toMatchObject({
      errorCode: 400093,
      errorDetails: 'Missing apiKey',
    })
  })

  it.each([
    'accounts.getAccountInfo',
    'accounts.setSchema',
    'accounts.setPolicies',
    'emulator.listAccounts',
    'emulator.getOutbox',
    'emulator.confirmEmail',
  ])('%s needs the site credentials (403007), and wrong ones are 403005', async (method) => {
    await expect(h.raw(method, { apiKey: DEFAULT_SITE.apiKey, UID: 'x' })).resolves.toMatchObject({ errorCode: 403007 })
    await expect(
      h.raw(method, { apiKey: DEFAULT_SITE.apiKey, userKey: DEFAULT_SITE.userKey, secret: 'wrong', UID: 'x' }),
    ).resolves.toMatchObject({ errorCode: 403005 })
    await expect(
      h.raw(method, { apiKey: otherSite.apiKey, userKey: DEFAULT_SITE.userKey, secret: 'nope', UID: 'x' }),
    ).resolves.toMatchObject({ errorCode: 403005 })
  })

  it('reads an account by UID with credentials, without secrets', async () => {
    const account = await register(await freshToken())
    const body = await h.admin('accounts.getAccountInfo', {
      UID: account.UID,
      include: 'profile,data,missing-required-fields',
    })
    expect(body).toMatchObject({
      errorCode: 0,
      UID: account.UID,
      profile: COMPLETE.profile,
      data: COMPLETE.data,
      missingRequiredFields: [],
    })
    expect(JSON.stringify(body)).not.toMatch(/pbkdf2|passwordHash/)
    await expect(h.admin('accounts.getAccountInfo', { UID: 'nobody' })).resolves.toMatchObject({
      errorCode: 403005,
      errorDetails: 'Unauthorized user',
    })
  })

  it('writes serverOnly fields with setAccountInfo by UID and credentials, never without', async () => {
    const account = await register(await freshToken())
    await expect(
      h.admin('accounts.setAccountInfo', { UID: account.UID, data: { loyalty: { points: 50 } } }),
    ).resolves.toMatchObject({ errorCode: 0 })
    await expect(h.admin('accounts.getAccountInfo', { UID: account.UID, include: 'data' })).resolves.toMatchObject({
      data: { loyalty: { points: 50 } },
    })
    await expect(
      h.raw('accounts.setAccountInfo', { apiKey: DEFAULT_SITE.apiKey, UID: account.UID, data: '{}' }),
    ).resolves.toMatchObject({ errorCode: 403007 })
  })
})

describe('schema rules on client writes', () => {
  it.each([
    ['a serverOnly field', { profile: { ...COMPLETE.profile, photoURL: 'https://x' } }, 400025, 'profile.photoURL'],
    ['a nested serverOnly field', { data: { terms: true, loyalty: { points: 9 } } }, 400025, 'data.loyalty.points'],
    ['a field not in the schema', { profile: { ...COMPLETE.profile, shoe: '42' } }, 400020, 'profile.shoe'],
    [
      'an unknown subscription',
      { subscriptions: { spam: { email: { isSubscribed: true } } } },
      400020,
      'subscriptions.spam.email.isSubscribed',
    ],
    ['an unknown consent', { preferences: { privacy: { isConsentGranted: true } } }, 400020, 'preferences.privacy'],
  ])('refuses %s', async (_label, write, errorCode, fieldName) => {
    const error = await rejection(register(await freshToken(), write))
    expect(error.errorCode).toBe(errorCode)
    expect(error.validationErrors.map((entry) => entry.fieldName)).toEqual([fieldName])
  })

  it.each([
    ['a string for a long', { profile: { ...COMPLETE.profile, birthYear: 'nineteen' } }, 'profile.birthYear'],
    ['a fraction for a long', { profile: { ...COMPLETE.profile, birthYear: 1990.5 } }, 'profile.birthYear'],
    ['an out-of-range integer', { data: { terms: true, householdSize: 2 ** 40 } }, 'data.householdSize'],
    ['text for a float', { data: { terms: true, shoeSize: 'big' } }, 'data.shoeSize'],
    ['a non-date', { data: { terms: true, memberSince: 'yesterday' } }, 'data.memberSince'],
    ['a day the calendar lacks', { data: { terms: true, memberSince: '2023-02-29' } }, 'data.memberSince'],
    ['a number in spaces', { profile: { ...COMPLETE.profile, birthYear: ' 1990' } }, 'profile.birthYear'],
    [
      'an ungranted consent where format "true"',
      { preferences: { terms: { tos: { isConsentGranted: false } } } },
      'preferences.terms.tos.isConsentGranted',
    ],
    ['a zip against its regex', { profile: { firstName: 'Ada', zip: '1234' } }, 'profile.zip'],
    ['a gender outside [fmu]', { profile: { ...COMPLETE.profile, gender: 'x' } }, 'profile.gender'],
    ['false where format "true"', { data: { terms: false } }, 'data.terms'],
    ['a number for a string', { profile: { firstName: 42, zip: '10001' } }, 'profile.firstName'],
    [
      'a consent without a boolean',
      { preferences: { terms: { tos: { isConsentGranted: 'yes' } } } },
      'preferences.terms.tos.isConsentGranted',
    ],
  ])('refuses %s with 400009 / 400026 on the field', async (_label, write, fieldName) => {
    const error = await rejection(register(await freshToken(), write))
    expect(error.errorCode).toBe(400009)
    expect(error.fieldErrors()).toEqual([expect.objectContaining({ errorCode: 400026, fieldName })])
  })

  it('accepts each type in its form (numeric strings for numbers, ISO dates, floats)', async () => {
    const account = await register(await freshToken(), {
      profile: { ...COMPLETE.profile, birthYear: '1990', gender: 'f', bio: 'Line one\nLine two' },
      data: { terms: 'true', shoeSize: 42.5, householdSize: 3, memberSince: '2020-02-29' },
      include: ['profile', 'data'],
    })
    expect(account).toMatchObject({
      profile: { birthYear: 1990, gender: 'f', bio: 'Line one\nLine two' },
      data: { terms: true, shoeSize: 42.5, householdSize: 3, memberSince: '2020-02-29' },
    })
  })

  it('lets a clientCreate field be set once, not changed later by a client', async () => {
    const client = h.client()
    const pending = await rejection(
      client.register({
        regToken: await freshToken(),
        email: uniqueEmail(),
        password: PASSWORD,
        profile: { firstName: 'Ada' },
        data: { householdSize: 2 },
        finalizeRegistration: true,
      }),
    )
    const error = await rejection(
      client.setAccountInfo({ regToken: pending.regToken as string, data: { householdSize: 3 } }),
    )
    expect(error).toMatchObject({ errorCode: 400025 })
  })

  it('applies .NET patterns: inline case-insensitivity, and skips what JavaScript cannot express', async () => {
    await h.admin('accounts.setSchema', {
      dataSchema: {
        fields: {
          code: { type: 'string', format: "regex('(?i)^ab[0-9]+$')", writeAccess: 'clientModify' },
          atomic: { type: 'string', format: "regex('^(?>a+)b$')", writeAccess: 'clientModify' },
        },
      },
    })
    try {
      await expect(
        register(await freshToken(), { data: { terms: true, code: 'AB12', atomic: 'whatever' } }),
      ).resolves.toMatchObject({ errorCode: 0 })
      const error = await rejection(register(await freshToken(), { data: { terms: true, code: 'xy' } }))
      expect(error.fieldErrors()[0]?.fieldName).toBe('data.code')
    } finally {
      await h.admin('accounts.setSchema', { dataSchema: { fields: { code: null, atomic: null } } })
    }
  })
})

describe('.NET patterns', () => {
  it.each([
    // .NET reads a ] first in a class as a literal; JavaScript would read an empty class.
    ['^[]a]+$', ']a', true],
    ['^[^]a]+$', 'bc', true],
    ['^[^]a]+$', ']', false],
    // Under \p (the u flag) JavaScript refuses escaped punctuation, which .NET reads as literals.
    ['^\\p{Lu}\\-\\d{2}$', 'Ä-12', true],
    ['^\\p{Lu}\\-\\d{2}$', 'a-12', false],
    ['^\\p{L}+[\\-#]\\#$', 'ab-#', true],
    ['^\\p{L}+]$', 'ab]', true],
  ])('%s judges %j: %s', (pattern, value, matches) => {
    const format = translateDotnetRegex(pattern)
    expect(format.kind).toBe('regex')
    if (format.kind === 'regex') expect(format.regex.test(value)).toBe(matches)
  })
})

describe('schema and policies', () => {
  it('returns the four schema sections, or those asked for, and drops serverOnly fields for clientOnly', async () => {
    const schema = await h.client().getSchema()
    expect(Object.keys(schema)).toEqual(
      expect.arrayContaining(['profileSchema', 'dataSchema', 'subscriptionsSchema', 'preferencesSchema']),
    )
    expect(schema.profileSchema?.fields.photoURL).toMatchObject({ writeAccess: 'serverOnly' })
    const clientOnly = await h.client().getSchema({ include: ['profileSchema'], filter: 'clientOnly' })
    expect(clientOnly.profileSchema?.fields).not.toHaveProperty('photoURL')
    expect(clientOnly).not.toHaveProperty('dataSchema')
    await expect(
      rejection(h.client().call('accounts.getSchema', { filter: 'everything' } as never)),
    ).resolves.toMatchObject({ errorCode: 400006 })
  })

  it('lets a browser read only the public policy sections', async () => {
    const policies = await h.client().getPolicies()
    expect(Object.keys(policies)).toEqual(
      expect.arrayContaining(['registration', 'gigyaPlugins', 'passwordComplexity', 'security']),
    )
    expect(policies).not.toHaveProperty('accountOptions')
    await expect(rejection(h.client().getPolicies({ sections: ['accountOptions'] }))).resolves.toMatchObject({
      errorCode: 403007,
    })
    await expect(h.admin('accounts.getPolicies', { sections: 'accountOptions' })).resolves.toMatchObject({
      accountOptions: { loginIdentifiers: 'email' },
    })
  })

  it('changes policies with setPolicies (merged per section)', async () => {
    await h.admin('accounts.setPolicies', { passwordComplexity: { minLength: 12 } }, otherSite)
    await expect(h.client(otherSite.apiKey).getPolicies()).resolves.toMatchObject({
      passwordComplexity: { minLength: 12, minCharGroups: 2 },
    })
  })

  it('validates what setSchema writes', async () => {
    await expect(
      h.admin('accounts.setSchema', { profileSchema: { fields: { weird: { type: 'blob' } } } }),
    ).resolves.toMatchObject({
      errorCode: 400006,
      errorDetails: expect.stringContaining('"blob" is not one of'),
    })
  })
})

describe('malformed input', () => {
  it.each([
    ['broken JSON in an object parameter', { profile: '{"firstName":' }, 400006, 'profile is not valid JSON'],
    ['an array where an object belongs', { data: '[1,2]' }, 400006, 'Invalid data'],
    ['a non-boolean flag', { finalizeRegistration: 'yes' }, 400006, 'Invalid finalizeRegistration'],
    ['a huge value', { bio: 'x'.repeat(70_000) }, 400006, 'bio is longer than 65536 characters'],
  ])('answers %s with a proper envelope', async (_label, params, errorCode, errorDetails) => {
    const body = await h.raw('accounts.register', {
      apiKey: DEFAULT_SITE.apiKey,
      regToken: await freshToken(),
      email: uniqueEmail(),
      password: PASSWORD,
      ...params,
    })
    expect(body).toMatchObject({
      errorCode,
      errorDetails,
      statusCode: 400,
      callId: expect.stringMatching(/^[0-9a-f]{32}$/),
    })
  })

  it('answers an unknown method with 400096', async () => {
    await expect(h.raw('accounts.deleteEverything', { apiKey: DEFAULT_SITE.apiKey })).resolves.toMatchObject({
      errorCode: 400096,
    })
  })

  it('accepts GET with a query string and JSON bodies, as the real API does', async () => {
    const get = await fetch(`${h.server.url}/accounts.initRegistration?apiKey=${DEFAULT_SITE.apiKey}&isLite=true`)
    expect(await get.json()).toMatchObject({ errorCode: 0, regToken: expect.stringMatching(/^RT1_LTE_/) })
    const json = await fetch(`${h.server.url}/accounts.getPolicies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiKey: DEFAULT_SITE.apiKey, sections: 'passwordComplexity' }),
    })
    expect(await json.json()).toMatchObject({ errorCode: 0, passwordComplexity: { minLength: 8 } })
  })
})

describe('rate limiting', () => {
  it('answers 403048 past the per-address limit, per site', async () => {
    const limited = await startHarness([DEFAULT_SITE, otherSite], { max: 3, windowMs: 60_000 })
    try {
      const client = limited.client()
      for (let call = 0; call < 3; call += 1) await client.getSchema()
      await expect(rejection(client.getSchema())).resolves.toMatchObject({ errorCode: 403048, isRateLimited: true })
      await expect(limited.client(otherSite.apiKey).getSchema()).resolves.toMatchObject({ errorCode: 0 })
      limited.clock.now += 60_000
      await expect(client.getSchema()).resolves.toMatchObject({ errorCode: 0 })
    } finally {
      await limited.close()
    }
  })
})

describe('concurrency', () => {
  it('creates exactly one account from 50 parallel registrations of one email', async () => {
    const email = uniqueEmail('race')
    const client = h.client()
    const tokens = await Promise.all(
      Array.from({ length: 50 }, () => client.initRegistration().then((response) => response.regToken)),
    )
    const outcomes = await Promise.allSettled(
      tokens.map((regToken) =>
        client.register({ regToken, email, password: PASSWORD, ...COMPLETE, finalizeRegistration: true }),
      ),
    )
    const created = outcomes.filter((outcome) => outcome.status === 'fulfilled')
    const refused = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [(outcome.reason as { errorCode: number }).errorCode] : [],
    )
    expect(created).toHaveLength(1)
    expect(refused).toEqual(Array.from({ length: 49 }, () => 400009))
    const taken = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? (outcome.reason as AccountsError).takenLoginIDs() : [],
    )
    expect(taken).toEqual(Array.from({ length: 49 }, () => 'email'))
    const { accounts } = (await h.admin('emulator.listAccounts')) as {
      accounts: Array<{ loginIDs: { emails: string[] } }>
    }
    expect(accounts.filter((account) => account.loginIDs.emails.includes(email))).toHaveLength(1)
  })

  it('creates exactly one lite account from parallel subscriptions of one email', async () => {
    const email = uniqueEmail('lite-race')
    const client = h.client()
    const { regToken } = await client.initRegistration({ isLite: true })
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        client.setAccountInfo({
          regToken,
          profile: { email },
          subscriptions: { offers: { email: { isSubscribed: true } } },
        }),
      ),
    )
    expect(new Set(results.map((result) => result.UID)).size).toBe(1)
  })
})

describe('hostile input found by fuzzing', () => {
  it('lets one regToken create one account only, however many calls race with it', async () => {
    const regToken = await freshToken()
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => register(regToken)))
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected')
        expect(outcome.reason).toMatchObject({ errorCode: 400006, errorDetails: 'Invalid regToken' })
    }
  })

  it('checks sessionExpiration and targetEnv before creating anything', async () => {
    const email = uniqueEmail()
    const body = await h.raw('accounts.register', {
      apiKey: DEFAULT_SITE.apiKey,
      regToken: await freshToken(),
      email,
      password: PASSWORD,
      profile: JSON.stringify(COMPLETE.profile),
      data: JSON.stringify(COMPLETE.data),
      preferences: JSON.stringify(COMPLETE.preferences),
      finalizeRegistration: 'true',
      sessionExpiration: 'soon',
    })
    expect(body).toMatchObject({ errorCode: 400006, errorDetails: 'Invalid sessionExpiration' })
    await expect(h.client().isAvailableLoginID({ loginID: email })).resolves.toMatchObject({ isAvailable: true })
    await expect(rejection(register(await freshToken(), { email, targetEnv: 'toaster' }))).resolves.toMatchObject({
      errorDetails: 'Invalid targetEnv',
    })
  })

  it('never writes through __proto__, neither in setSchema nor in a client write', async () => {
    await expect(
      h.admin('accounts.setSchema', {
        dataSchema: { fields: { '__proto__.polluted': { type: 'string', writeAccess: 'clientModify' } } },
      }),
    ).resolves.toMatchObject({ errorCode: 400006, errorDetails: expect.stringContaining('not a usable field path') })
    const error = await rejection(
      register(await freshToken(), { data: JSON.parse('{"terms":true,"__proto__":{"polluted":"yes"}}') }),
    )
    expect(error.errorCode).toBe(400020)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
