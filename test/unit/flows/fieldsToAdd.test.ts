import { describe, expect, it } from 'vitest'
import { AccountsError } from '../../../src'
import { fieldsToAdd } from '../../../src/flows'

const shown = new Set(['email', 'password', 'passwordRetype', 'profile.firstName'])

function validationFailure(
  errorCode: number,
  entries: [fieldName: string, code: number][],
  errorFlags: string[] = [],
): AccountsError {
  return new AccountsError({
    method: 'accounts.register',
    errorCode,
    errorMessage: 'Validation error',
    validationErrors: entries.map(([fieldName, code]) => ({ fieldName, errorCode: code, message: 'x' })),
    errorFlags,
  })
}

describe('fieldsToAdd', () => {
  it.each<[string, AccountsError | Error, string[]]>([
    ['nothing when every named field is shown', validationFailure(400009, [['email', 400003]]), []],
    [
      'the fields not shown, in the server order, as binding names, once each',
      validationFailure(400009, [
        ['preferences.terms.tos', 400027],
        ['email', 400026],
        ['profile.zip', 400026],
        ['secretAnswer', 400027],
        ['profile.zip', 400027],
      ]),
      ['preferences.terms.tos.isConsentGranted', 'profile.zip', 'secretAnswer'],
    ],
    ['the fields of a 400006 too', validationFailure(400006, [['data.terms', 400026]]), ['data.terms']],
    [
      'never a field the server refuses to take from a client (400020, 400025)',
      validationFailure(400009, [
        ['data.unknown', 400020],
        ['profile.photoURL', 400025],
        ['data.terms', 400027],
      ]),
      ['data.terms'],
    ],
    ['no field names on another code', validationFailure(206001, [['profile.zip', 400027]]), []],
    ['no field names on something that is not an AccountsError', new TypeError('boom'), []],
    ['the CAPTCHA for a CAPTCHA failure (400021) the form did not expect', validationFailure(400021, []), ['captcha']],
    ['the CAPTCHA for a login that now needs one (401020)', validationFailure(401020, []), ['captcha']],
    ['the CAPTCHA for a wrong one (401021)', validationFailure(401021, []), ['captcha']],
    [
      'the CAPTCHA for a failed login flagged captchaNeeded',
      validationFailure(403042, [], ['captchaNeeded']),
      ['captcha'],
    ],
    [
      'the CAPTCHA for a typed word the server refused',
      validationFailure(400009, [['captchaText', 400027]]),
      ['captcha'],
    ],
  ])('%s', (_, error, expected) => {
    expect(fieldsToAdd(error, shown)).toEqual(expected)
  })

  it('adds no CAPTCHA where one is shown', () => {
    expect(fieldsToAdd(validationFailure(401021, []), new Set([...shown, 'captcha']))).toEqual([])
  })
})
