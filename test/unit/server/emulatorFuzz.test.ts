// @vitest-environment node
/**
 * Property tests of the emulator over real HTTP: whatever a caller sends, the answer is a well-formed
 * Accounts API envelope, never a 5xx. The registration path is also driven through our own client,
 * and a store that fails on demand shows how a server error looks from outside.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest'
import { AccountsError, createAccountsClient, type RegisterParams } from '../../../src/accounts'
import { createMemoryStore, DEFAULT_SITE, EMULATED_METHODS, type Store } from '../../../src/emulator'
import { startEmulatorServer, type RunningEmulatorServer } from '../../../src/server'

const API_KEY = DEFAULT_SITE.apiKey
const CREDENTIALS = { userKey: DEFAULT_SITE.userKey, secret: DEFAULT_SITE.secret }
const PASSWORD = 'Secret-123'
/** A site whose resets need the security check (FLOWS.md §3, 400050) instead of an email. */
const SECURE_SITE = {
  ...structuredClone(DEFAULT_SITE),
  apiKey: '3_fuzz_secure',
  policies: {
    ...structuredClone(DEFAULT_SITE.policies),
    passwordReset: { requireSecurityCheck: true, securityFields: [['firstName', 'zip']] },
  },
}
const SECRET_ANSWER = 'Rex'
const COMPLETE = {
  profile: JSON.stringify({ firstName: 'Ada', zip: '10001' }),
  data: JSON.stringify({ terms: true }),
  preferences: JSON.stringify({ terms: { tos: { isConsentGranted: true } } }),
}

type Envelope = Record<string, unknown>
type Params = Array<[string, string]>

const dir = mkdtempSync(join(tmpdir(), 'screensets-fuzz-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

let emails = 0
const freshEmail = () => `fuzz-${++emails}-${Date.now()}@example.com`

/** Lone surrogates become U+FFFD on the way through a form or a URL; compare strings the way the wire sees them. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** What every response must carry, whatever was sent. */
function expectEnvelope(envelope: Envelope): void {
  expect(Number.isInteger(envelope.errorCode), 'numeric errorCode').toBe(true)
  const errorCode = envelope.errorCode as number
  expect(envelope.callId).toMatch(/^[0-9a-f]{32}$/)
  expect(envelope.apiVersion).toBe(2)
  expect(typeof envelope.statusCode).toBe('number')
  expect(typeof envelope.statusReason).toBe('string')
  expect(envelope.statusReason).not.toBe('')
  expect(envelope.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  expect(Number.isNaN(Date.parse(envelope.time as string))).toBe(false)
  // HTTP-like, from the code's first three digits (200 for success).
  expect(envelope.statusCode).toBe(errorCode === 0 ? 200 : Math.floor(errorCode / 1000))
  // No input may produce a server error: 5xx means an exception escaped a handler.
  expect(errorCode >= 500000 && errorCode < 600000, `server error ${errorCode}: ${String(envelope.errorDetails)}`).toBe(
    false,
  )
  expect(envelope.statusCode as number).toBeLessThan(500)
}

/** A form POST to getSchema through one `node:http` agent, so calls share a connection; gives up after 2 s. */
function rawPost(server: RunningEmulatorServer, agent: Agent, body: string): Promise<Envelope> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/accounts.getSchema`,
      {
        method: 'POST',
        agent,
        timeout: 2_000,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve(JSON.parse(text) as Envelope))
      },
    )
    req.on('timeout', () => req.destroy(new Error('no answer within 2 s')))
    req.on('error', reject)
    req.end(body)
  })
}

async function post(server: RunningEmulatorServer, method: string, params: Record<string, string>): Promise<Envelope> {
  const response = await fetch(`${server.url}/${method}`, { method: 'POST', body: new URLSearchParams(params) })
  return (await response.json()) as Envelope
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

/** Markers the runner replaces with live values just before sending (tokens are single-use). */
const FRESH_FULL_TOKEN = '\u0000fresh-full-token'
const FRESH_LITE_TOKEN = '\u0000fresh-lite-token'
const PENDING_TOKEN = '\u0000pending-token'
const FRESH_EMAIL = '\u0000fresh-email'
const FRESH_CAPTCHA = '\u0000fresh-captcha'
/** The flows of issue 15: a reset token of a fresh account, the code flow of a pending one, a lite account. */
const FRESH_RESET_TOKEN = '\u0000fresh-reset-token'
const CODE_REG_TOKEN = '\u0000code-reg-token'
const CODE_EMAIL = '\u0000code-email'
const FRESH_VTOKEN = '\u0000fresh-vtoken'
const FRESH_CODE = '\u0000fresh-code'
const LITE_EMAIL = '\u0000lite-email'
const LITE_ACCOUNT_TOKEN = '\u0000lite-account-token'
/** A fresh account with a security question on `SECURE_SITE` (the 400050 reset). */
const SECURE_LOGIN_ID = '\u0000secure-login-id'
const KNOWN_EMAIL = 'known-account@example.com'
let knownUID = ''
const KNOWN_UID = '\u0000known-uid'

const PARAM_NAMES = [
  'apiKey',
  'regToken',
  'email',
  'password',
  'profile',
  'data',
  'subscriptions',
  'preferences',
  'finalizeRegistration',
  'include',
  'isLite',
  'loginID',
  'UID',
  'userKey',
  'secret',
  'lang',
  'context',
  'format',
  'callback',
  'httpStatusCodes',
  'sections',
  'filter',
  'siteUID',
  'targetEnv',
  'captchaToken',
  'captchaText',
  'captchaType',
  'captchaProvider',
  'secretQuestion',
  'secretAnswer',
  'username',
  'sessionExpiration',
  'regSource',
  'newPassword',
  'passwordResetToken',
  'sendEmail',
  'vToken',
  'code',
  'securityFields',
] as const

const SCHEMA_KEYS = ['email', 'firstName', 'lastName', 'zip', 'birthYear', 'gender', 'photoURL', 'terms', 'tos']
const SCHEMA_KEYS_EXTRA = ['favoriteTeam', 'householdSize', 'loyalty', 'loyalty.points', 'terms.tos', 'newsletter']

const tricky = fc.constantFrom(
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'true',
  'false',
  '0',
  '1',
  '-1',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '{}',
  '[]',
  '""',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '%',
  '%00',
  '\u0000',
  '\uD800',
  '\u202E',
  '😀',
  'a@b.co',
  'RT1_x.y',
  'RT1_LTE_.',
)
const unicode = fc.string({ unit: 'binary', maxLength: 40 })
const numbers = fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String)
const jsonText = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
)
const brokenJson = fc
  .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', '}', ',', '"', '{', ']', '\\'))
  .map(([text, cut, tail]) => text.slice(0, cut % (text.length + 1)) + tail)
/** Around and past the 64 KiB cap on a single parameter. */
const huge = fc
  .tuple(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
    fc.oneof(fc.integer({ min: 1_000, max: 80_000 }), fc.constantFrom(65_535, 65_536, 65_537, 70_000)),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length))

const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('10001', 'Ada', 'f', true, 'true', null, 1990),
  fc.boolean().map((isConsentGranted) => ({ isConsentGranted })),
  fc.boolean().map((isSubscribed) => ({ email: { isSubscribed } })),
  fc.record({ tos: fc.record({ isConsentGranted: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })) }) }),
)
/** Objects keyed like the schema (plus junk and `__proto__`), JSON-encoded as the wire wants them. */
const shapedObject = fc
  .dictionary(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...SCHEMA_KEYS, ...SCHEMA_KEYS_EXTRA) },
      fc.constantFrom('__proto__', 'constructor', 'a.b', ''),
      fc.string({ maxLength: 6 }),
    ),
    leaf,
    { maxKeys: 5 },
  )
  .map((value) => JSON.stringify(value))

const anyValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: unicode },
  { weight: 3, arbitrary: tricky },
  { weight: 2, arbitrary: jsonText },
  { weight: 2, arbitrary: shapedObject },
  { weight: 2, arbitrary: brokenJson },
  { weight: 2, arbitrary: numbers },
  { weight: 1, arbitrary: huge },
)

const boolish = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('true', 'false', '1', '0') }, anyValue)
const commaList = (names: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.subarray([...names]).map((items) => items.join(',')) },
    fc
      .array(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 5 })), { maxLength: 4 })
      .map((items) => items.join(' , ')),
    anyValue,
  )
const biased = (common: fc.Arbitrary<string>) => fc.oneof({ weight: 3, arbitrary: common }, anyValue)

/** A value per parameter name: mostly meaningful for that name, sometimes anything at all. */
const valueFor: Record<(typeof PARAM_NAMES)[number], fc.Arbitrary<string>> = {
  apiKey: fc.oneof(
    { weight: 9, arbitrary: fc.constant(API_KEY) },
    anyValue,
    fc.constantFrom('3_other', API_KEY.toUpperCase()),
  ),
  regToken: biased(
    fc.constantFrom(FRESH_FULL_TOKEN, FRESH_LITE_TOKEN, PENDING_TOKEN, CODE_REG_TOKEN, LITE_ACCOUNT_TOKEN),
  ),
  email: biased(
    fc.oneof(
      fc.constantFrom(FRESH_EMAIL, KNOWN_EMAIL, KNOWN_EMAIL.toUpperCase(), CODE_EMAIL, LITE_EMAIL),
      fc.emailAddress(),
    ),
  ),
  password: biased(fc.constantFrom(PASSWORD, 'short', 'alllowercaseletters', 'Secret 123 ')),
  profile: biased(shapedObject),
  data: biased(shapedObject),
  subscriptions: biased(shapedObject),
  preferences: biased(shapedObject),
  finalizeRegistration: boolish,
  include: commaList([
    'profile',
    'data',
    'emails',
    'loginIDs',
    'subscriptions',
    'preferences',
    'missing-required-fields',
    'irank',
    'identities-all',
  ]),
  isLite: boolish,
  loginID: biased(fc.oneof(fc.constantFrom(KNOWN_EMAIL, ` ${KNOWN_EMAIL} `), fc.emailAddress())),
  UID: biased(fc.constantFrom(KNOWN_UID, '__proto__', 'constructor')),
  userKey: biased(fc.constant(CREDENTIALS.userKey)),
  secret: biased(fc.constant(CREDENTIALS.secret)),
  lang: biased(fc.constantFrom('en', 'de', 'fr', 'de-CH', 'zh-cn', 'constructor', '__proto__', 'hasOwnProperty')),
  context: anyValue,
  format: biased(fc.constantFrom('json', 'jsonp', 'JSONP', 'xml')),
  callback: biased(fc.constantFrom('cb', 'gigya.callbacks.cb_1', '$', '_x9', 'alert(1)', '1abc', 'a..b', 'a-b')),
  httpStatusCodes: boolish,
  sections: commaList([
    'registration',
    'gigyaPlugins',
    'passwordComplexity',
    'security',
    'accountOptions',
    'doubleOptIn',
  ]),
  filter: biased(fc.constantFrom('full', 'explicitOnly', 'clientOnly')),
  siteUID: biased(
    fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 20 }), fc.constantFrom('a'.repeat(252), 'a'.repeat(253))),
  ),
  targetEnv: biased(fc.constantFrom('browser', 'mobile', 'both')),
  captchaToken: biased(fc.constantFrom('test-captcha-pass', FRESH_CAPTCHA, 'cpt1_AAAA')),
  captchaText: biased(fc.constantFrom('ABCDE', ' abcdef ')),
  captchaType: biased(fc.constantFrom('reCaptchaV2', 'invisible', 'FunCaptcha', 'hCaptcha')),
  captchaProvider: biased(fc.constantFrom('reCaptchaEnterpriseScore', 'reCaptchaV3')),
  secretQuestion: anyValue,
  secretAnswer: anyValue,
  username: anyValue,
  sessionExpiration: biased(fc.constantFrom('0', '-1', '3600', '99999999999999999')),
  regSource: anyValue,
  newPassword: biased(fc.constantFrom(PASSWORD, 'Another-Pass-9', 'short')),
  passwordResetToken: biased(fc.constantFrom(FRESH_RESET_TOKEN, 'PRT1_x.y')),
  sendEmail: boolish,
  vToken: biased(fc.constantFrom(FRESH_VTOKEN, 'VT1_x.y')),
  code: biased(fc.constantFrom(FRESH_CODE, '000000', ' 123456 ')),
  securityFields: biased(
    fc.constantFrom('{"firstName":" ADA ","zip":"10001"}', '{"profile.zip":10001}', '{"zip":null}', '[]', '{'),
  ),
}

const randomKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '',
    'apikey',
    'APIKEY',
    'a[b]',
    'profile.firstName',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
)

/** About six known parameters per call (apiKey nearly always), plus up to three unknown ones. */
const randomParams: fc.Arbitrary<Params> = fc
  .tuple(
    fc.option(valueFor.apiKey, { freq: 12, nil: undefined }),
    fc.record(
      Object.fromEntries(
        PARAM_NAMES.filter((name) => name !== 'apiKey').map((name) => [
          name,
          fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: valueFor[name] }),
        ]),
      ) as Record<string, fc.Arbitrary<string | undefined>>,
    ),
    fc.array(fc.tuple(randomKey, anyValue), { maxLength: 3 }),
  )
  .map(([apiKey, known, extra]) => {
    const params: Params = apiKey === undefined ? [] : [['apiKey', apiKey]]
    for (const [name, value] of Object.entries(known)) if (value !== undefined) params.push([name, value])
    return [...params, ...extra]
  })

/** A complete, valid call per method: mutating a few of its parameters reaches deep into the handlers. */
const admin = { apiKey: API_KEY, ...CREDENTIALS }
const TEMPLATES: Record<string, Record<string, string>> = {
  'accounts.initRegistration': { apiKey: API_KEY, isLite: 'false' },
  'accounts.register': {
    apiKey: API_KEY,
    regToken: FRESH_FULL_TOKEN,
    email: FRESH_EMAIL,
    password: PASSWORD,
    ...COMPLETE,
    subscriptions: JSON.stringify({ newsletter: { email: { isSubscribed: true } } }),
    finalizeRegistration: 'true',
    include: 'profile,data,emails,loginIDs,subscriptions,preferences',
  },
  'accounts.finalizeRegistration': { apiKey: API_KEY, regToken: PENDING_TOKEN, include: 'profile,data' },
  'accounts.setAccountInfo': {
    apiKey: API_KEY,
    regToken: FRESH_LITE_TOKEN,
    profile: JSON.stringify({ email: 'lite-reader@example.com', firstName: 'Lite' }),
    subscriptions: JSON.stringify({ newsletter: { email: { isSubscribed: true } } }),
  },
  'accounts.login': { apiKey: API_KEY, loginID: KNOWN_EMAIL, password: PASSWORD, include: 'profile,data' },
  'accounts.isAvailableLoginID': { apiKey: API_KEY, loginID: KNOWN_EMAIL },
  'accounts.resendVerificationCode': { apiKey: API_KEY, regToken: PENDING_TOKEN },
  'accounts.getSchema': { apiKey: API_KEY, include: 'profileSchema,dataSchema', filter: 'clientOnly' },
  'accounts.getCaptcha': { apiKey: API_KEY, context: 'challenge-1' },
  'accounts.setSchema': {
    ...admin,
    dataSchema: JSON.stringify({
      fields: { fuzzNote: { type: 'string', required: false, writeAccess: 'clientModify' } },
    }),
  },
  'accounts.getPolicies': { apiKey: API_KEY, sections: 'registration,passwordComplexity' },
  'accounts.setPolicies': { ...admin, doubleOptIn: JSON.stringify({ defaultTemplate: 'Confirm, please' }) },
  'accounts.getAccountInfo': { ...admin, UID: KNOWN_UID, include: 'profile,data,emails' },
  'emulator.listAccounts': admin,
  'emulator.getOutbox': admin,
  'emulator.confirmEmail': { ...admin, UID: KNOWN_UID },
  'emulator.getCaptchaAnswer': { ...admin, captchaToken: FRESH_CAPTCHA },
  'accounts.resetPassword': { apiKey: API_KEY, passwordResetToken: FRESH_RESET_TOKEN, newPassword: 'Another-Pass-9' },
  'accounts.otp.sendCode': { apiKey: API_KEY, regToken: CODE_REG_TOKEN, email: CODE_EMAIL },
  'accounts.otp.update': { apiKey: API_KEY, regToken: CODE_REG_TOKEN, vToken: FRESH_VTOKEN, code: FRESH_CODE },
  'accounts.getLiteToken': { ...admin, email: LITE_EMAIL },
  'accounts.initProgression': { apiKey: API_KEY, regToken: LITE_ACCOUNT_TOKEN },
}

/** Second templates of a method, for parameter combinations that take another path through it. */
const MORE_TEMPLATES: Array<[string, Record<string, string>]> = [
  [
    'accounts.resetPassword',
    {
      apiKey: SECURE_SITE.apiKey,
      loginID: SECURE_LOGIN_ID,
      secretAnswer: SECRET_ANSWER,
      newPassword: 'Another-Pass-9',
    },
  ],
  [
    'accounts.resetPassword',
    {
      apiKey: SECURE_SITE.apiKey,
      loginID: SECURE_LOGIN_ID,
      securityFields: JSON.stringify({ firstName: 'ada', zip: '10001' }),
      newPassword: 'Another-Pass-9',
    },
  ],
]

const mutatedTemplate = (method: string, template = TEMPLATES[method] ?? { apiKey: API_KEY }): fc.Arbitrary<Params> => {
  return fc
    .record({
      drop: fc.subarray(Object.keys(template), { maxLength: 2 }),
      override: fc.array(
        fc.oneof(
          fc
            .constantFrom(...PARAM_NAMES)
            .chain((name) => valueFor[name].map((value): [string, string] => [name, value])),
          fc.tuple(randomKey, anyValue),
        ),
        { maxLength: 3 },
      ),
    })
    .map(({ drop, override }) => {
      const params = new Map(Object.entries(template).filter(([name]) => !drop.includes(name)))
      for (const [name, value] of override) params.set(name, value)
      return [...params]
    })
}

/** Paths the HTTP layer routes to the emulator (which answers 400096 for the unknown ones). */
const METHOD_PATHS = [
  ...EMULATED_METHODS,
  'accounts.nope',
  'emulator.x',
  'accounts.constructor',
  'accounts.hasOwnProperty',
  'socialize.getUserInfo',
  'ids.search',
  'accounts.register.extra',
  'accounts.register/',
]
/** Paths that are no method at all: 404, still with an envelope. */
const NON_METHOD_PATHS = [
  '',
  'accounts',
  'nope',
  'accounts.',
  'accounts.1x',
  'accounts.__proto__',
  'ACCOUNTS.register',
  'a/b',
  'accounts.register%00',
]

type Transport = 'form' | 'get' | 'json' | 'json-typed' | 'garbage'
interface FuzzRequest {
  path: string
  isMethod: boolean
  params: Params
  transport: Transport
  garbage: string
}

/** A body with a JSON content type that is valid JSON but no object, or not JSON at all. */
const garbageBody = fc.oneof(
  fc
    .jsonValue({ maxDepth: 2 })
    .filter((value) => !isRecord(value))
    .map((value) => JSON.stringify(value)),
  anyValue.map((text) => `\u0001${text}`),
)

const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      path: fc.constantFrom(...METHOD_PATHS),
      isMethod: fc.constant(true),
      params: randomParams,
      transport: fc.constantFrom<Transport>('form', 'form', 'form', 'get', 'json', 'json-typed', 'garbage'),
      garbage: garbageBody,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.constantFrom(...EMULATED_METHODS).chain((path) =>
      fc.record({
        path: fc.constant(path),
        isMethod: fc.constant(true),
        params: mutatedTemplate(path),
        transport: fc.constantFrom<Transport>('form', 'form', 'form', 'get', 'json', 'json-typed'),
        garbage: fc.constant(''),
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...MORE_TEMPLATES).chain(([path, template]) =>
      fc.record({
        path: fc.constant(path),
        isMethod: fc.constant(true),
        params: mutatedTemplate(path, template),
        transport: fc.constantFrom<Transport>('form', 'form', 'get', 'json', 'json-typed'),
        garbage: fc.constant(''),
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      path: fc.constantFrom(...NON_METHOD_PATHS),
      isMethod: fc.constant(false),
      params: randomParams,
      transport: fc.constantFrom<Transport>('form', 'get', 'json'),
      garbage: fc.constant(''),
    }),
  },
)

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

/** The live values of one call's markers of the code flow, so its regToken, email, vToken and code agree. */
interface CodeFlow {
  regToken?: string
  email?: string
  vToken?: string
  code?: string
}

const handle = async (server: RunningEmulatorServer, method: string, params: Record<string, string>) =>
  server.emulator.handle({ method, params: { apiKey: API_KEY, ...params } })

/** A pending (206001) registration, and a code sent for it when `withCode`. */
async function codeFlow(server: RunningEmulatorServer, flow: CodeFlow, withCode: boolean): Promise<CodeFlow> {
  if (flow.regToken === undefined) {
    flow.email = freshEmail()
    const init = await handle(server, 'accounts.initRegistration', {})
    const body = await handle(server, 'accounts.register', {
      regToken: init.regToken as string,
      email: flow.email,
      password: PASSWORD,
    })
    flow.regToken = body.regToken as string
  }
  if (withCode && flow.vToken === undefined) {
    const body = await handle(server, 'accounts.otp.sendCode', { regToken: flow.regToken, email: flow.email as string })
    flow.vToken = body.vToken as string
    flow.code = (await server.emulator.store.listOutbox(API_KEY)).at(-1)?.code ?? ''
  }
  return flow
}

/** A lite account's email. */
async function liteEmail(server: RunningEmulatorServer): Promise<string> {
  const email = freshEmail()
  const init = await handle(server, 'accounts.initRegistration', { isLite: 'true' })
  await handle(server, 'accounts.setAccountInfo', {
    regToken: init.regToken as string,
    profile: JSON.stringify({ email }),
  })
  return email
}

/** The password reset token of a fresh, complete account (never the known one). */
async function resetToken(server: RunningEmulatorServer): Promise<string> {
  const email = freshEmail()
  const init = await handle(server, 'accounts.initRegistration', {})
  await handle(server, 'accounts.register', {
    regToken: init.regToken as string,
    email,
    password: PASSWORD,
    ...COMPLETE,
    finalizeRegistration: 'true',
  })
  const body = await handle(server, 'accounts.resetPassword', { ...CREDENTIALS, loginID: email, sendEmail: 'false' })
  return body.passwordResetToken as string
}

/** The login ID of a fresh, complete account of `SECURE_SITE` with a security question. */
async function secureLoginID(server: RunningEmulatorServer): Promise<string> {
  const email = freshEmail()
  const apiKey = SECURE_SITE.apiKey
  const init = await handle(server, 'accounts.initRegistration', { apiKey })
  await handle(server, 'accounts.register', {
    apiKey,
    regToken: init.regToken as string,
    email,
    password: PASSWORD,
    secretQuestion: 'Pet?',
    secretAnswer: SECRET_ANSWER,
    ...COMPLETE,
    finalizeRegistration: 'true',
  })
  return email
}

/** Replaces the markers with live tokens, emails and UIDs. */
async function resolveMarkers(server: RunningEmulatorServer, params: Params): Promise<Params> {
  const resolved: Params = []
  const flow: CodeFlow = {}
  for (const [name, value] of params) {
    let live = value
    if (value === CODE_REG_TOKEN) {
      live = (await codeFlow(server, flow, false)).regToken as string
    } else if (value === CODE_EMAIL) {
      live = (await codeFlow(server, flow, false)).email as string
    } else if (value === FRESH_VTOKEN) {
      live = (await codeFlow(server, flow, true)).vToken as string
    } else if (value === FRESH_CODE) {
      live = (await codeFlow(server, flow, true)).code as string
    } else if (value === LITE_EMAIL) {
      live = await liteEmail(server)
    } else if (value === LITE_ACCOUNT_TOKEN) {
      const body = await handle(server, 'accounts.getLiteToken', { ...CREDENTIALS, email: await liteEmail(server) })
      live = body.token as string
    } else if (value === SECURE_LOGIN_ID) {
      live = await secureLoginID(server)
    } else if (value === FRESH_RESET_TOKEN) {
      live = await resetToken(server)
    } else if (value === FRESH_FULL_TOKEN || value === FRESH_LITE_TOKEN) {
      const body = await server.emulator.handle({
        method: 'accounts.initRegistration',
        params: { apiKey: API_KEY, isLite: String(value === FRESH_LITE_TOKEN) },
      })
      live = body.regToken as string
    } else if (value === PENDING_TOKEN) {
      // An unfinished registration answers 206001 with the token that continues it.
      const init = await server.emulator.handle({ method: 'accounts.initRegistration', params: { apiKey: API_KEY } })
      const body = await server.emulator.handle({
        method: 'accounts.register',
        params: { apiKey: API_KEY, regToken: init.regToken as string, email: freshEmail(), password: PASSWORD },
      })
      live = body.regToken as string
    } else if (value === FRESH_CAPTCHA) {
      const body = await server.emulator.handle({ method: 'accounts.getCaptcha', params: { apiKey: API_KEY } })
      live = body.captchaToken as string
    } else if (value === FRESH_EMAIL) {
      live = freshEmail()
    } else if (value === KNOWN_UID) {
      live = knownUID
    }
    resolved.push([name, live])
  }
  return resolved
}

/** The value a JSON body carries for a wire string: objects, numbers and booleans in their JSON form. */
function typedJsonValue(value: string): unknown {
  try {
    const parsed: unknown = JSON.parse(value)
    if (parsed === null || typeof parsed === 'string') return value
    // Wire form of a typed value is String(value) or JSON.stringify(object): keep those that round-trip.
    if (isRecord(parsed) || Array.isArray(parsed)) return JSON.stringify(parsed) === value ? parsed : value
    return String(parsed) === value ? parsed : value
  } catch {
    return value
  }
}

interface Sent {
  response: Response
  text: string
  /** The parameters the server saw (what `httpStatusCodes`, `format`, `callback`, `context` are read from). */
  effective: Map<string, string>
}

/**
 * At most one value over 10 000 characters per call, so a body stays under the HTTP layer's 1 MiB
 * cap (oversized bodies have their own test below).
 */
function capHuge(params: Params): Params {
  let seenHuge = false
  return params.map(([name, value]) => {
    if (value.length <= 10_000) return [name, value]
    if (!seenHuge) {
      seenHuge = true
      return [name, value]
    }
    return [name, value.slice(0, 1_000)]
  })
}

async function send(server: RunningEmulatorServer, request: FuzzRequest): Promise<Sent> {
  const params = capHuge(await resolveMarkers(server, request.params))
  const url = `${server.url}/${request.path}`
  let transport = request.transport
  const query = new URLSearchParams(params).toString()
  // Node refuses request heads over 16 KiB with a bare 431 (no envelope): keep GETs below that.
  if (transport === 'get' && query.length > 8_000) transport = 'form'

  let init: RequestInit
  let seen: Params
  if (transport === 'get') {
    init = { method: 'GET' }
    seen = params.map(([name, value]) => [wellFormed(name), wellFormed(value)])
  } else if (transport === 'form') {
    init = { method: 'POST', body: new URLSearchParams(params) }
    seen = params.map(([name, value]) => [wellFormed(name), wellFormed(value)])
  } else if (transport === 'garbage') {
    init = { method: 'POST', body: request.garbage, headers: { 'Content-Type': 'application/json' } }
    seen = []
  } else {
    const body: Record<string, unknown> = {}
    for (const [name, value] of params) {
      Object.defineProperty(body, name, {
        value: transport === 'json-typed' ? typedJsonValue(value) : value,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    init = {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    }
    seen = params
  }
  const response = await fetch(transport === 'get' ? `${url}?${query}` : url, init)
  // A path that is no method never has its body read; its parameters come from the query string only.
  const effective = new Map<string, string>()
  for (const [name, value] of request.isMethod || transport === 'get' ? seen : []) {
    if (name !== '__proto__') effective.set(name, value)
  }
  return { response, text: await response.text(), effective }
}

const VALID_CALLBACKS = new Set(['cb', 'gigya.callbacks.cb_1', '$', '_x9'])

/** Checks one response against the envelope rules; returns the envelope. */
function judge(request: FuzzRequest, { response, text, effective }: Sent): Envelope {
  const format = effective.get('format')
  const callback = effective.get('callback')
  const contentType = response.headers.get('content-type') ?? ''
  let envelope: Envelope
  if (contentType.startsWith('application/javascript')) {
    expect(format).toBe('jsonp')
    expect(callback).toMatch(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/)
    expect(text.startsWith(`${callback}(`) && text.endsWith(');'), text.slice(0, 80)).toBe(true)
    envelope = JSON.parse(text.slice((callback as string).length + 1, -2)) as Envelope
  } else {
    expect(contentType).toBe('application/json; charset=utf-8')
    envelope = JSON.parse(text) as Envelope
    if (format === 'jsonp') {
      // A callback that is not a safe identifier is refused rather than reflected.
      expect(callback === undefined || !VALID_CALLBACKS.has(callback)).toBe(true)
      expect(envelope.errorCode).toBe(400006)
    }
  }
  expect(isRecord(envelope)).toBe(true)
  expectEnvelope(envelope)

  const mirrored = effective.get('httpStatusCodes') === 'true'
  const expectedStatus = !request.isMethod ? 404 : mirrored ? (envelope.statusCode as number) : 200
  expect(response.status).toBe(expectedStatus)
  if (!request.isMethod && format !== 'jsonp') expect(envelope.errorCode).toBe(400096)
  if (request.transport === 'garbage' && request.isMethod) expect(envelope.errorCode).toBe(400006)

  const context = effective.get('context')
  if (context !== undefined) expect(wellFormed(String(envelope.context))).toBe(wellFormed(context))
  return envelope
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('the emulator over HTTP, under random input', () => {
  let server: RunningEmulatorServer
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()

  beforeAll(async () => {
    server = await startEmulatorServer({
      db: join(dir, 'fuzz.db'),
      sites: [DEFAULT_SITE, SECURE_SITE],
      passwordHashIterations: 1000,
      rateLimit: false,
      warn: () => {},
    })
    const { regToken } = await post(server, 'accounts.initRegistration', { apiKey: API_KEY })
    const registered = await post(server, 'accounts.register', {
      apiKey: API_KEY,
      regToken: regToken as string,
      email: KNOWN_EMAIL,
      password: PASSWORD,
      ...COMPLETE,
      finalizeRegistration: 'true',
    })
    expect(registered.errorCode).toBe(0)
    knownUID = registered.UID as string
  })

  afterAll(async () => {
    await server?.close()
  })

  it('answers every call with a well-formed envelope and never a server error', { timeout: 60_000 }, async () => {
    const codes = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (request) => {
        const envelope = judge(request, await send(server, request))
        const code = envelope.errorCode as number
        codes.set(code, (codes.get(code) ?? 0) + 1)
      }),
      // FUZZ_RUNS / FUZZ_SEED (from a failure report) replay or widen a run; shrinking is bounded in time.
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 700),
        interruptAfterTimeLimit: 40_000,
        ...(process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) }),
      },
    )
    // The generators must reach past parameter checking, or the property proves little.
    expect(codes.get(0) ?? 0).toBeGreaterThan(20)
    expect(codes.size).toBeGreaterThan(8)
    // The security check of resetPassword was reached, not only its parameter checks.
    expect(codes.get(400050) ?? 0).toBeGreaterThan(0)
  })

  it('keeps answering normally after the fuzzing, with Object.prototype untouched', async () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
    const schema = await post(server, 'accounts.getSchema', { apiKey: API_KEY })
    expect(schema.errorCode).toBe(0)
    const login = await post(server, 'accounts.login', { apiKey: API_KEY, loginID: KNOWN_EMAIL, password: PASSWORD })
    expect(login).toMatchObject({ errorCode: 0, UID: knownUID })
  })

  it('answers a JSONP call with the named callback', async () => {
    const response = await fetch(`${server.url}/accounts.getSchema?apiKey=${API_KEY}&format=jsonp&callback=gigya.cb_1`)
    const text = await response.text()
    expect(response.headers.get('content-type')).toMatch(/^application\/javascript/)
    expect(text).toMatch(/^gigya\.cb_1\(\{.*\}\);$/s)
    expectEnvelope(JSON.parse(text.slice('gigya.cb_1('.length, -2)) as Envelope)
  })

  it('answers a body over the 1 MiB cap with an envelope', async () => {
    // Its own agent: the refused body leaves the connection unusable (the known bug below).
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const envelope = await rawPost(server, agent, `apiKey=${API_KEY}&junk=${'x'.repeat(1_200_000)}`)
      expectEnvelope(envelope)
      expect(envelope.errorCode).toBe(400006)
    } finally {
      agent.destroy()
    }
  })

  // The answer to an oversized body closes its connection (the rest of the body is unread), so a
  // keep-alive client opens a fresh one for the next call instead of hanging on a poisoned socket.
  it('keeps the connection usable after refusing an oversized body', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const first = await rawPost(server, agent, `apiKey=${API_KEY}&junk=${'x'.repeat(1_200_000)}`)
      expect(first.errorCode).toBe(400006)
      const second = await rawPost(server, agent, `apiKey=${API_KEY}`)
      expect(second.errorCode).toBe(0)
    } finally {
      agent.destroy()
    }
  })

  // A ~30 KB profile nested 5 000 deep (under the 64 KiB parameter cap) is refused by depth, not by
  // exhausting the stack.
  it('answers a deeply nested profile with a 4xx, not a server error', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const deep = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)
      const { regToken } = await post(server, 'accounts.initRegistration', { apiKey: API_KEY })
      const envelope = await post(server, 'accounts.register', {
        apiKey: API_KEY,
        regToken: regToken as string,
        email: freshEmail(),
        password: PASSWORD,
        profile: deep,
      })
      expectEnvelope(envelope)
    } finally {
      spy.mockRestore()
    }
  })
})

describe('registration through the client, under random input', () => {
  let server: RunningEmulatorServer
  const DOCUMENTED = new Set([0, 206001, 206002, 400002, 400003, 400006, 400009, 400020, 400025, 403043, 403044])
  const taken = ['taken@example.com', 'Taken.Two@example.com']

  beforeAll(async () => {
    server = await startEmulatorServer({
      db: join(dir, 'register.db'),
      passwordHashIterations: 1000,
      rateLimit: false,
      warn: () => {},
    })
    for (const email of taken) {
      const { regToken } = await post(server, 'accounts.initRegistration', { apiKey: API_KEY })
      const body = await post(server, 'accounts.register', {
        apiKey: API_KEY,
        regToken: regToken as string,
        email,
        password: PASSWORD,
        ...COMPLETE,
        finalizeRegistration: 'true',
      })
      expect(body.errorCode).toBe(0)
    }
  })

  afterAll(async () => {
    await server?.close()
  })

  const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 })
  const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }))
  /** Present with odds `present : absent` (an undefined field is left out of the JSON). */
  const maybe = <T>(arbitrary: fc.Arbitrary<T>, present = 1, absent = 6) =>
    fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: present, arbitrary })
  /** The usual value, now and then any JSON value instead. */
  const mostly = (usual: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 12, arbitrary: usual }, { weight: 1, arbitrary: anyJson })

  const email = fc.oneof(
    { weight: 8, arbitrary: fc.emailAddress() },
    fc.constantFrom(...taken, taken[0]?.toUpperCase() ?? '', ` ${taken[1]} `),
    text,
    fc.constantFrom('', 'not-an-email', 'a@b', '@example.com', 'a@@b.co', `${'x'.repeat(250)}@b.co`),
  )
  const password = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(PASSWORD, 'Another-Pass-9', 'pässwört-ÄÖÜ-1') },
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: 'grapheme-ascii', minLength: 6, maxLength: 16 }),
  )
  const profile = fc.record({
    firstName: maybe(mostly(fc.oneof({ weight: 3, arbitrary: fc.constant('Ada') }, text)), 10, 1),
    zip: maybe(mostly(fc.oneof({ weight: 8, arbitrary: fc.stringMatching(/^[0-9]{5}$/) }, text)), 10, 1),
    lastName: maybe(mostly(text)),
    birthYear: maybe(mostly(fc.oneof(fc.integer({ min: 1900, max: 2030 }), fc.constant('1990')))),
    gender: maybe(fc.constantFrom('f', 'm', 'u', 'x', '')),
    email: maybe(mostly(fc.emailAddress())),
    country: maybe(mostly(text)),
    bio: maybe(mostly(text)),
    photoURL: maybe(fc.webUrl(), 1, 15), // serverOnly: 400025
    nickname: maybe(text, 1, 15), // not in the schema: 400020
  })
  const data = maybe(
    fc.record({
      terms: maybe(
        mostly(fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, fc.constantFrom(false, 'true', 'yes'))),
        10,
        1,
      ),
      favoriteTeam: maybe(mostly(text)),
      shoeSize: maybe(mostly(fc.oneof(fc.double({ noNaN: true }), fc.constant('42.5')))),
      householdSize: maybe(mostly(fc.oneof({ weight: 3, arbitrary: fc.integer() }, fc.constant(2 ** 40)))),
      memberSince: maybe(
        mostly(
          fc.oneof({ weight: 3, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()) }, text),
        ),
      ),
      loyalty: maybe(fc.record({ points: fc.integer() }), 1, 15), // serverOnly
    }),
    10,
    1,
  )
  const consent = mostly(fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, fc.boolean()))
  const preferences = maybe(
    fc.oneof(
      { weight: 8, arbitrary: fc.record({ terms: fc.record({ tos: fc.record({ isConsentGranted: consent }) }) }) },
      fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 2 }),
    ),
    10,
    1,
  )
  const subscriptions = maybe(
    fc.dictionary(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom('newsletter', 'offers') }, fc.string({ maxLength: 6 })),
      mostly(fc.record({ email: fc.record({ isSubscribed: mostly(fc.boolean()) }) })),
      { maxKeys: 2 },
    ),
  )
  const randomInput = fc.record({
    email,
    password,
    profile: maybe(profile, 10, 1),
    data,
    preferences,
    subscriptions,
    finalizeRegistration: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constantFrom(false, undefined)),
  })
  /** Complete and valid, with random values: the success side of the property. */
  const validInput = fc.record({
    email: fc.emailAddress(),
    password: fc.constantFrom(PASSWORD, 'Another-Pass-9', 'pässwört-ÄÖÜ-1'),
    profile: fc.record({
      firstName: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
      zip: fc.stringMatching(/^[0-9]{5}$/),
      lastName: maybe(fc.string({ unit: 'grapheme', maxLength: 20 })),
      birthYear: maybe(fc.integer({ min: 1900, max: 2012 })),
      gender: maybe(fc.constantFrom('f', 'm', 'u')),
    }),
    data: fc.record({
      terms: fc.constant(true),
      favoriteTeam: maybe(fc.string({ maxLength: 20 })),
      shoeSize: maybe(fc.double({ noNaN: true, noDefaultInfinity: true })),
    }),
    preferences: fc.constant({ terms: { tos: { isConsentGranted: true } } }),
    subscriptions: maybe(fc.record({ newsletter: fc.record({ email: fc.record({ isSubscribed: fc.boolean() }) }) })),
    finalizeRegistration: fc.constant(true),
  })
  const input = fc.oneof({ weight: 2, arbitrary: validInput }, { weight: 3, arbitrary: randomInput })

  it('resolves, or rejects with a documented AccountsError, never a server error', { timeout: 60_000 }, async () => {
    const client = createAccountsClient({ apiKey: API_KEY, baseUrl: server.url })
    const outcomes = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(input, async (values) => {
        const { regToken } = await client.initRegistration()
        let code: number
        try {
          const result = await client.register({ regToken, ...values } as RegisterParams)
          expect(result.UID).toMatch(/^[0-9a-f]{32}$/)
          expect(result.isRegistered).toBe(true)
          code = 0
        } catch (error) {
          expect(error).toBeInstanceOf(AccountsError)
          const accountsError = error as AccountsError
          code = accountsError.errorCode
          expect(DOCUMENTED.has(code), `undocumented ${code}: ${String(accountsError.errorDetails)}`).toBe(true)
          expect(accountsError.callId).toMatch(/^[0-9a-f]{32}$/)
          if (code === 400009) expect(accountsError.validationErrors.length).toBeGreaterThan(0)
          if (code === 206001 || code === 403043) expect(accountsError.regToken).toMatch(/^RT1_/)
        }
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1)
      }),
      { numRuns: 200 },
    )
    // Both sides of the property must be exercised.
    expect(outcomes.get(0) ?? 0).toBeGreaterThan(20)
    expect(outcomes.size).toBeGreaterThan(4)
  })
})

describe('a store that fails', () => {
  const FAULT_PASSWORD = 'Fault-Secret-987'
  const FAULT_EMAIL = 'fault-known@example.com'
  type Fault = 'throw' | 'reject'
  const faults = new Map<string, Fault>()
  let server: RunningEmulatorServer
  let errorSpy: MockInstance<typeof console.error> | undefined

  /** A memory store whose methods throw, or return a rejected promise, while `faults` names them. */
  function faultyStore(): Store {
    const inner = createMemoryStore()
    return new Proxy(inner, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver)
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          const fault = faults.get(String(property))
          // Like a driver error that quotes what it was given (the account record, the email).
          const error = new Error(`injected ${String(property)} failure for ${JSON.stringify(args)}`)
          if (fault === 'throw') throw error
          if (fault === 'reject') return Promise.reject(error)
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      },
    })
  }

  beforeAll(async () => {
    server = await startEmulatorServer({ store: faultyStore(), passwordHashIterations: 1000, rateLimit: false })
    const registered = await post(server, 'accounts.register', {
      ...(await completeRegistration()),
      email: FAULT_EMAIL,
    })
    expect(registered.errorCode).toBe(0)
  })

  afterEach(() => {
    faults.clear()
    errorSpy?.mockRestore()
  })

  afterAll(async () => {
    await server?.close()
  })

  const fullToken = async () =>
    (await server.emulator.handle({ method: 'accounts.initRegistration', params: { apiKey: API_KEY } }))
      .regToken as string
  const liteToken = async () =>
    (await server.emulator.handle({ method: 'accounts.initRegistration', params: { apiKey: API_KEY, isLite: 'true' } }))
      .regToken as string
  const completeRegistration = async () => ({
    apiKey: API_KEY,
    regToken: await fullToken(),
    email: freshEmail(),
    password: FAULT_PASSWORD,
    secretQuestion: 'pet?',
    secretAnswer: FAULT_PASSWORD,
    ...COMPLETE,
    finalizeRegistration: 'true',
  })

  /** Each store method, and a call that reaches it. */
  const CASES: Array<[store: string, method: string, params: () => Promise<Record<string, string>>]> = [
    ['getSite', 'accounts.getSchema', async () => ({ apiKey: API_KEY })],
    ['isTokenUsed', 'accounts.register', completeRegistration],
    ['findAccountByLoginID', 'accounts.register', completeRegistration],
    ['insertAccount', 'accounts.register', completeRegistration],
    ['useToken', 'accounts.register', completeRegistration],
    ['updateAccount', 'accounts.register', completeRegistration],
    [
      'findAccountByLoginID',
      'accounts.login',
      async () => ({ apiKey: API_KEY, loginID: FAULT_EMAIL, password: FAULT_PASSWORD }),
    ],
    [
      'findLiteAccount',
      'accounts.setAccountInfo',
      async () => ({ apiKey: API_KEY, regToken: await liteToken(), profile: JSON.stringify({ email: freshEmail() }) }),
    ],
    [
      'addOutbox',
      'accounts.setAccountInfo',
      async () => ({
        apiKey: API_KEY,
        regToken: await liteToken(),
        profile: JSON.stringify({ email: freshEmail() }),
        subscriptions: JSON.stringify({ newsletter: { email: { isSubscribed: true } } }),
      }),
    ],
    ['listAccounts', 'emulator.listAccounts', async () => ({ apiKey: API_KEY, ...CREDENTIALS })],
    ['listOutbox', 'emulator.getOutbox', async () => ({ apiKey: API_KEY, ...CREDENTIALS })],
    [
      'putSite',
      'accounts.setPolicies',
      async () => ({ apiKey: API_KEY, ...CREDENTIALS, doubleOptIn: JSON.stringify({ defaultTemplate: 'x' }) }),
    ],
  ]

  it.each(
    CASES.flatMap(([store, method, params]) =>
      (['throw', 'reject'] as const).map((fault) => ({ store, method, params, fault })),
    ),
  )(
    '$store ($fault) under $method answers 500001 and the server keeps going',
    async ({ store, method, params, fault }) => {
      const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
      errorSpy = spy
      const mirror = fault === 'reject'
      faults.set(store, fault)
      const response = await fetch(`${server.url}/${method}`, {
        method: 'POST',
        body: new URLSearchParams({ ...(await params()), ...(mirror ? { httpStatusCodes: 'true' } : {}) }),
      })
      const envelope = (await response.json()) as Envelope
      expectEnvelopeShape(envelope)
      expect(envelope).toMatchObject({ errorCode: 500001, statusCode: 500, statusReason: 'Internal Server Error' })
      expect(response.status).toBe(mirror ? 500 : 200)
      expect(JSON.stringify(envelope)).not.toContain(FAULT_PASSWORD)

      // Reported to the developer, naming the method, without the password the call carried.
      expect(spy).toHaveBeenCalled()
      const logged = JSON.stringify(
        spy.mock.calls.map((call) => call.map((arg) => (arg instanceof Error ? arg.message : arg))),
      )
      expect(logged).toContain(method)
      expect(logged).not.toContain(FAULT_PASSWORD)

      // Once the store recovers, the same call works again.
      faults.clear()
      const again = await post(server, method, await params())
      expectEnvelope(again)
      expect(again.errorCode).toBe(0)
    },
  )
})

/** The envelope fields, without the "never 5xx" rule (for the tests that provoke one). */
function expectEnvelopeShape(envelope: Envelope): void {
  expect(Number.isInteger(envelope.errorCode)).toBe(true)
  expect(envelope.callId).toMatch(/^[0-9a-f]{32}$/)
  expect(envelope.apiVersion).toBe(2)
  expect(typeof envelope.statusCode).toBe('number')
  expect(typeof envelope.statusReason).toBe('string')
  expect(envelope.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
}
