/** The parameters a fuzzed call carries: a value per known name, mostly meaningful for it, and unknown ones. */
import fc from 'fast-check'
import { API_KEY, CREDENTIALS, PASSWORD, type Params } from './fuzzSupport'
import {
  CODE_EMAIL,
  CODE_REG_TOKEN,
  FRESH_CAPTCHA,
  FRESH_CODE,
  FRESH_EMAIL,
  FRESH_FULL_TOKEN,
  FRESH_LITE_TOKEN,
  FRESH_RESET_TOKEN,
  FRESH_VTOKEN,
  KNOWN_EMAIL,
  KNOWN_UID,
  LITE_ACCOUNT_TOKEN,
  LITE_EMAIL,
  PENDING_TOKEN,
} from './fuzzMarkers'
import { anyValue, biased, boolish, commaList, randomKey, shapedObject } from './fuzzValues'

export const PARAM_NAMES = [
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

/** A value per parameter name: mostly meaningful for that name, sometimes anything at all. */
export const valueFor: Record<(typeof PARAM_NAMES)[number], fc.Arbitrary<string>> = {
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

/** About six known parameters per call (apiKey nearly always), plus up to three unknown ones. */
export const randomParams: fc.Arbitrary<Params> = fc
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
