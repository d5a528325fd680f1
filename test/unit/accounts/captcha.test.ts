import { describe, expect, it } from 'vitest'
import { AccountsError, createAccountsClient, ErrorCodes } from '../../../src'
import { createMockTransport } from '../../../src/testing'
import { loadFixture } from '../../support/fixtures'

async function rejectionOf(promise: Promise<unknown>): Promise<AccountsError> {
  const reason = await promise.then(
    () => expect.fail('expected the call to reject'),
    (error: unknown) => error,
  )
  expect(reason).toBeInstanceOf(AccountsError)
  return reason as AccountsError
}

describe('getCaptcha', () => {
  it('asks accounts.getCaptcha with no parameters and resolves with the challenge of the fixture', async () => {
    const fixture = loadFixture('getCaptcha')
    const transport = createMockTransport({ 'accounts.getCaptcha': fixture })
    const challenge = await createAccountsClient({ transport }).getCaptcha()
    expect(transport.calls).toEqual([{ method: 'accounts.getCaptcha', params: {} }])
    expect(challenge).toMatchObject({
      errorCode: 0,
      captchaToken: fixture.captchaToken,
      captchaImage: fixture.captchaImage,
    })
  })

  it.each([
    ['without the token', { captchaToken: undefined }, /captchaToken: expected string/],
    ['with an empty token', { captchaToken: '' }, /captchaToken/],
    ['without the image', { captchaImage: undefined }, /captchaImage: expected string/],
    ['with an image that is no data URL', { captchaImage: 'https://example.com/c.svg' }, /captchaImage/],
    ['with a data URL that is no image', { captchaImage: 'data:text/html;base64,PGI+' }, /captchaImage/],
  ])('refuses a success %s as a malformed response (500001)', async (_label, change, details) => {
    const body = { ...loadFixture('getCaptcha'), ...change }
    const client = createAccountsClient({ transport: createMockTransport({ 'accounts.getCaptcha': body }) })
    expect(await rejectionOf(client.getCaptcha())).toMatchObject({
      errorCode: ErrorCodes.GENERAL_SERVER_ERROR,
      errorMessage: 'Malformed response',
      errorDetails: expect.stringMatching(details),
    })
  })
})

describe('login CAPTCHA errors', () => {
  it.each([
    ['a comma list', 'captchaNeeded, other', ['captchaNeeded', 'other']],
    ['one flag', 'captchaNeeded', ['captchaNeeded']],
    ['an array', ['captchaNeeded'], ['captchaNeeded']],
    ['nothing', undefined, []],
    ['a number', 7, []],
  ])('reads errorFlags given as %s', async (_label, errorFlags, expected) => {
    const body = { errorCode: 401020, errorMessage: 'Login Failed Captcha Required', errorFlags }
    const client = createAccountsClient({ transport: createMockTransport({ 'accounts.login': body }) })
    const error = await rejectionOf(client.login({ loginID: 'a@example.com', password: 'Secret-123' }))
    expect(error.errorFlags).toEqual(expected)
  })

  it.each([
    ['LOGIN_CAPTCHA_REQUIRED', 401020],
    ['LOGIN_WRONG_CAPTCHA', 401021],
  ] as const)('names %s (%i)', (name, code) => {
    expect(ErrorCodes[name]).toBe(code)
  })

  it('sends the CAPTCHA with login and never carries the typed word in an error', async () => {
    const body = { errorCode: 401021, errorMessage: 'Login Failed Wrong Captcha', errorDetails: 'typed K7HDJV' }
    const transport = createMockTransport({ 'accounts.login': body })
    const client = createAccountsClient({ transport })
    const error = await rejectionOf(
      client.login({ loginID: 'a@example.com', password: 'Secret-123', captchaToken: 'cpt1_x', captchaText: 'K7HDJV' }),
    )
    expect(transport.calls[0]?.params).toMatchObject({ captchaToken: 'cpt1_x', captchaText: 'K7HDJV' })
    expect(error.errorCode).toBe(ErrorCodes.LOGIN_WRONG_CAPTCHA)
    expect(JSON.stringify([error.message, error.errorDetails, error.response])).not.toContain('K7HDJV')
  })
})
