import { AccountsError } from '../../../src/accounts'
import type { FlowAnswer, FlowCall, RegistrationEvent, RegistrationScreen, RegistrationState } from '../../../src/flows'

/** Calls, answers and states the registration machine tables share. */
export const INCLUDE = 'profile,data,emails,loginIDs,subscriptions,preferences'
export const AT = 1_700_000_000_000
export const account = { errorCode: 0, UID: 'u1', sessionInfo: { cookieName: 'glt', cookieValue: 'x' } }

/** A state as a screen opens, with the given parts. */
export function st(screen: RegistrationScreen, parts: Partial<RegistrationState> = {}): RegistrationState {
  return { screen, missing: [], extra: [], resend: { status: 'idle' }, prefill: {}, ...parts }
}

export function fail(method: string, errorCode: number, body: Record<string, unknown> = {}): AccountsError {
  return new AccountsError({
    method,
    errorCode,
    errorMessage: String(body.errorMessage ?? 'x'),
    ...(typeof body.errorDetails === 'string' ? { errorDetails: body.errorDetails } : {}),
    ...(typeof body.regToken === 'string' ? { regToken: body.regToken } : {}),
    validationErrors: (body.validationErrors as never) ?? [],
    response: { errorCode, ...body },
  })
}

export const finalize = (regToken: string): FlowCall => ({
  method: 'accounts.finalizeRegistration',
  params: { regToken, include: INCLUDE },
})
export const register = (
  values: Record<string, unknown>,
  token: FlowCall['token'] = { kind: 'registration' },
): FlowCall => ({
  method: 'accounts.register',
  params: { ...values, finalizeRegistration: true, include: INCLUDE },
  token,
})
export const login: FlowCall = {
  method: 'accounts.login',
  params: { loginID: 'a@example.com', password: 'pw', include: INCLUDE },
}
export const sendCode = (regToken: string): FlowCall => ({
  method: 'accounts.otp.sendCode',
  params: { email: 'a@example.com', regToken },
})
export const resetByLoginID: FlowCall = { method: 'accounts.resetPassword', params: { loginID: 'a@example.com' } }
export const resetByToken: FlowCall = {
  method: 'accounts.resetPassword',
  params: { passwordResetToken: 'PRT', newPassword: 'New-pass-1' },
}
export const changePassword: FlowCall = {
  method: 'accounts.setAccountInfo',
  params: { regToken: 'RT', password: 'old', newPassword: 'New-pass-1' },
}
export const otpUpdate: FlowCall = {
  method: 'accounts.otp.update',
  params: { vToken: 'VT', code: '123456', regToken: 'RT' },
}

export const answered = (call: FlowCall, response: unknown = { errorCode: 0 }): FlowAnswer => ({
  type: 'answered',
  call,
  response,
  at: AT,
})
export const failed = (call: FlowCall, error: unknown): FlowAnswer => ({ type: 'failed', call, error, at: AT })
export const submit = (values: Record<string, unknown>): RegistrationEvent => ({ type: 'submit', values, at: AT })

export const codeScreen = st('email-code-verification', {
  regToken: 'RT',
  verification: { UID: 'u1', emails: ['a@example.com'] },
  code: { vToken: 'VT', sentAt: AT - 60_000 },
})

/** The TFA calls of FLOWS.md §8, with the regToken `RT` and the assertion `GA`. */
export const tfaCall = (method: string, params: Record<string, unknown> = {}): FlowCall => ({
  method: `accounts.tfa.${method}` as FlowCall['method'],
  params,
})
export const getProviders = tfaCall('getProviders', { regToken: 'RT' })
export const initTFA = (provider: string, mode: 'verify' | 'register') =>
  tfaCall('initTFA', { regToken: 'RT', provider, mode })
