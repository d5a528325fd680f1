import { describe, expect, it } from 'vitest'
import {
  defaultValidationMessages,
  deriveFields,
  toApiValues,
  toZod,
  type ApiValues,
  type DeriveFieldsOptions,
  type FieldSpec,
} from '../../../src/schema'
import { policies, schema } from './siteFixtures'

/** Validation and call parameters of the RegistrationLogin screens beyond register and login. */

type Screen = NonNullable<DeriveFieldsOptions['screen']>

const fieldsOf = (screen: Screen) => deriveFields(schema, policies, { screen })

/** The messages per field name, as react-hook-form's resolver keys them. */
function errors(fields: readonly FieldSpec[], values: unknown) {
  const result = toZod(fields, policies, defaultValidationMessages).safeParse(values)
  const byPath: Record<string, string[]> = {}
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.join('.')
    byPath[path] = [...(byPath[path] ?? []), issue.message]
  }
  return byPath
}

const REQUIRED = ['This field is required']
const MISMATCH = ['Passwords do not match']
const TOO_SHORT = 'Password must contain at least 8 characters total'
const TOO_PLAIN =
  'Password must contain at least 2 of the following: an uppercase letter, a lowercase letter, a number, a special symbol'

describe('toZod on the screens of the RegistrationLogin flows', () => {
  it.each<[Screen, string, Record<string, unknown>, Record<string, string[]>]>([
    ['forgot-password', 'an email', { loginID: 'ada@example.com' }, {}],
    ['forgot-password', 'nothing', {}, { loginID: REQUIRED }],
    ['forgot-password', 'no email on an email site', { loginID: 'ada' }, { loginID: ['Email address is invalid'] }],

    ['reset-password', 'a new password retyped', { newPassword: 'secret123', passwordRetype: 'secret123' }, {}],
    ['reset-password', 'nothing', {}, { newPassword: REQUIRED, passwordRetype: REQUIRED }],
    [
      'reset-password',
      'a retype that differs from the new password',
      { newPassword: 'secret123', passwordRetype: 'secret124' },
      { passwordRetype: MISMATCH },
    ],
    [
      'reset-password',
      'a retype that repeats a stray password value, not the new password',
      { password: 'secret124', newPassword: 'secret123', passwordRetype: 'secret124' },
      { passwordRetype: MISMATCH },
    ],
    [
      'reset-password',
      'a new password failing both rules',
      { newPassword: 'short', passwordRetype: 'short' },
      { newPassword: [TOO_SHORT, TOO_PLAIN] },
    ],
    [
      'reset-password',
      'a new password failing one rule',
      { newPassword: 'abcdefghi', passwordRetype: 'abcdefghi' },
      { newPassword: [TOO_PLAIN] },
    ],

    [
      'password-change-required',
      'a current password the policy would refuse, and a good new one',
      { password: 'x', newPassword: 'secret123', passwordRetype: 'secret123' },
      {},
    ],
    [
      'password-change-required',
      'nothing',
      {},
      { password: REQUIRED, newPassword: REQUIRED, passwordRetype: REQUIRED },
    ],
    [
      'password-change-required',
      'a retype of the current password instead of the new one',
      { password: 'old12345', newPassword: 'secret123', passwordRetype: 'old12345' },
      { passwordRetype: MISMATCH },
    ],
    [
      'password-change-required',
      'a new password failing the policy',
      { password: 'old12345', newPassword: 'abcdefghi', passwordRetype: 'abcdefghi' },
      { newPassword: [TOO_PLAIN] },
    ],

    ['email-code-verification', 'a code', { code: '123456' }, {}],
    ['email-code-verification', 'nothing', {}, { code: REQUIRED }],
    ['email-code-verification', 'an empty code', { code: '' }, { code: REQUIRED }],

    [
      'lite-progression',
      'what register refuses',
      { email: 'ada@', password: 'short', passwordRetype: 'shorter' },
      {
        email: ['Email address is invalid'],
        password: [TOO_SHORT, TOO_PLAIN],
        passwordRetype: MISMATCH,
        'profile.firstName': REQUIRED,
        'profile.zip': REQUIRED,
        'data.terms': ['Please check this box to continue'],
        'preferences.terms.tos.isConsentGranted': ['Please check this box to continue'],
      },
    ],
  ])('%s: %s', (screen, _, values, expected) => {
    expect(errors(fieldsOf(screen), values)).toEqual(expected)
  })

  it('the retype repeats the new password where the form has one, else the password', () => {
    const values = { password: 'secret123', newPassword: 'other4567', passwordRetype: 'secret123' }
    const register = deriveFields(schema, policies, { fields: ['password', 'passwordRetype'] })
    expect(errors(register, values)).toEqual({})
    const reset = fieldsOf('reset-password')
    expect(errors(reset, values)).toEqual({ passwordRetype: MISMATCH })
    expect(errors(reset, { ...values, passwordRetype: 'other4567' })).toEqual({})
  })
})

describe('toApiValues on the screens of the RegistrationLogin flows', () => {
  it.each<[Screen, Record<string, unknown>, ApiValues]>([
    ['forgot-password', { loginID: 'ada@example.com' }, { loginID: 'ada@example.com' }],
    ['reset-password', { newPassword: 'secret123', passwordRetype: 'secret123' }, { newPassword: 'secret123' }],
    [
      'password-change-required',
      { password: 'old12345', newPassword: 'secret123', passwordRetype: 'secret123' },
      { password: 'old12345', newPassword: 'secret123' },
    ],
    ['email-code-verification', { code: '012345' }, { code: '012345' }],
    ['email-code-verification', { code: '' }, {}],
  ])('%s sends its answers as top-level parameters, never the retype', (screen, values, expected) => {
    expect(toApiValues(fieldsOf(screen), values)).toEqual(expected)
  })
})
