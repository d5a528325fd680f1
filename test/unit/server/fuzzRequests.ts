/** Fuzzed requests: random calls, mutated valid ones, and paths that are no method, over each transport. */
import fc from 'fast-check'
import { EMULATED_METHODS } from '../../../src/emulator'
import { isPlainObject } from '../../../src/shared/plainObjects'
import * as marker from './fuzzMarkers'
import { PARAM_NAMES, randomParams, valueFor } from './fuzzParams'
import { API_KEY, COMPLETE, CREDENTIALS, PASSWORD, SECRET_ANSWER, SECURE_SITE, type Params } from './fuzzSupport'
import { anyValue, randomKey } from './fuzzValues'

/** A complete, valid call per method: mutating a few of its parameters reaches deep into the handlers. */
const admin = { apiKey: API_KEY, ...CREDENTIALS }
const TEMPLATES: Record<string, Record<string, string>> = {
  'accounts.initRegistration': { apiKey: API_KEY, isLite: 'false' },
  'accounts.register': {
    apiKey: API_KEY,
    regToken: marker.FRESH_FULL_TOKEN,
    email: marker.FRESH_EMAIL,
    password: PASSWORD,
    ...COMPLETE,
    subscriptions: JSON.stringify({ newsletter: { email: { isSubscribed: true } } }),
    finalizeRegistration: 'true',
    include: 'profile,data,emails,loginIDs,subscriptions,preferences',
  },
  'accounts.finalizeRegistration': { apiKey: API_KEY, regToken: marker.PENDING_TOKEN, include: 'profile,data' },
  'accounts.setAccountInfo': {
    apiKey: API_KEY,
    regToken: marker.FRESH_LITE_TOKEN,
    profile: JSON.stringify({ email: 'lite-reader@example.com', firstName: 'Lite' }),
    subscriptions: JSON.stringify({ newsletter: { email: { isSubscribed: true } } }),
  },
  'accounts.login': { apiKey: API_KEY, loginID: marker.KNOWN_EMAIL, password: PASSWORD, include: 'profile,data' },
  'accounts.isAvailableLoginID': { apiKey: API_KEY, loginID: marker.KNOWN_EMAIL },
  'accounts.resendVerificationCode': { apiKey: API_KEY, regToken: marker.PENDING_TOKEN },
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
  'accounts.getAccountInfo': { ...admin, UID: marker.KNOWN_UID, include: 'profile,data,emails' },
  'emulator.listAccounts': admin,
  'emulator.getOutbox': admin,
  'emulator.confirmEmail': { ...admin, UID: marker.KNOWN_UID },
  'emulator.getCaptchaAnswer': { ...admin, captchaToken: marker.FRESH_CAPTCHA },
  'accounts.resetPassword': {
    apiKey: API_KEY,
    passwordResetToken: marker.FRESH_RESET_TOKEN,
    newPassword: 'Another-Pass-9',
  },
  'accounts.otp.sendCode': { apiKey: API_KEY, regToken: marker.CODE_REG_TOKEN, email: marker.CODE_EMAIL },
  'accounts.otp.update': {
    apiKey: API_KEY,
    regToken: marker.CODE_REG_TOKEN,
    vToken: marker.FRESH_VTOKEN,
    code: marker.FRESH_CODE,
  },
  'accounts.getLiteToken': { ...admin, email: marker.LITE_EMAIL },
  // Issue 17: sessions and TFA. Without a live session or assertion these reach the refusals (403005,
  // Invalid jwt) and the server forms by UID.
  'accounts.logout': { ...admin, UID: marker.KNOWN_UID },
  'accounts.tfa.getProviders': { apiKey: API_KEY, regToken: marker.PENDING_TOKEN, login_token: 'st2.s.x.y' },
  'accounts.tfa.initTFA': { apiKey: API_KEY, regToken: marker.PENDING_TOKEN, provider: 'gigyaTotp', mode: 'register' },
  'accounts.tfa.email.getEmails': { apiKey: API_KEY, gigyaAssertion: 'GA1_x.y' },
  'accounts.tfa.email.sendVerificationCode': { apiKey: API_KEY, gigyaAssertion: 'GA1_x.y', emailID: 'x' },
  'accounts.tfa.email.completeVerification': {
    apiKey: API_KEY,
    gigyaAssertion: 'GA1_x.y',
    phvToken: 'PH1_x.y',
    code: '123456',
  },
  'accounts.tfa.totp.register': { apiKey: API_KEY, gigyaAssertion: 'GA1_x.y' },
  'accounts.tfa.totp.verify': { apiKey: API_KEY, gigyaAssertion: 'GA1_x.y', code: '123456', sctToken: 'SC1_x.y' },
  'accounts.tfa.finalizeTFA': {
    apiKey: API_KEY,
    gigyaAssertion: 'GA1_x.y',
    providerAssertion: 'PA1_x.y',
    regToken: marker.PENDING_TOKEN,
    tempDevice: 'true',
  },
  'emulator.getAuthenticatorCode': { ...admin, UID: marker.KNOWN_UID },
  'accounts.initProgression': { apiKey: API_KEY, regToken: marker.LITE_ACCOUNT_TOKEN },
}

/** Second templates of a method, for parameter combinations that take another path through it. */
const MORE_TEMPLATES: Array<[string, Record<string, string>]> = [
  [
    'accounts.resetPassword',
    {
      apiKey: SECURE_SITE.apiKey,
      loginID: marker.SECURE_LOGIN_ID,
      secretAnswer: SECRET_ANSWER,
      newPassword: 'Another-Pass-9',
    },
  ],
  [
    'accounts.resetPassword',
    {
      apiKey: SECURE_SITE.apiKey,
      loginID: marker.SECURE_LOGIN_ID,
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

export type Transport = 'form' | 'get' | 'json' | 'json-typed' | 'garbage'
export interface FuzzRequest {
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
    .filter((value) => !isPlainObject(value))
    .map((value) => JSON.stringify(value)),
  anyValue.map((text) => `\u0001${text}`),
)

export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
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
