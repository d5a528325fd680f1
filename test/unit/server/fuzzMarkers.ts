/**
 * Markers the fuzzed calls carry where a live value belongs (tokens are single-use), and how each
 * becomes one just before sending.
 */
import type { RunningEmulatorServer } from '../../../src/server'
import {
  API_KEY,
  COMPLETE,
  CREDENTIALS,
  freshEmail,
  PASSWORD,
  SECRET_ANSWER,
  SECURE_SITE,
  type Params,
} from './fuzzSupport'

export const FRESH_FULL_TOKEN = '\u0000fresh-full-token'
export const FRESH_LITE_TOKEN = '\u0000fresh-lite-token'
export const PENDING_TOKEN = '\u0000pending-token'
export const FRESH_EMAIL = '\u0000fresh-email'
export const FRESH_CAPTCHA = '\u0000fresh-captcha'
/** The flows of issue 15: a reset token of a fresh account, the code flow of a pending one, a lite account. */
export const FRESH_RESET_TOKEN = '\u0000fresh-reset-token'
export const CODE_REG_TOKEN = '\u0000code-reg-token'
export const CODE_EMAIL = '\u0000code-email'
export const FRESH_VTOKEN = '\u0000fresh-vtoken'
export const FRESH_CODE = '\u0000fresh-code'
export const LITE_EMAIL = '\u0000lite-email'
export const LITE_ACCOUNT_TOKEN = '\u0000lite-account-token'
/** A fresh account with a security question on `SECURE_SITE` (the 400050 reset). */
export const SECURE_LOGIN_ID = '\u0000secure-login-id'
export const KNOWN_EMAIL = 'known-account@example.com'
export const KNOWN_UID = '\u0000known-uid'

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
export async function resolveMarkers(server: RunningEmulatorServer, params: Params, knownUID: string): Promise<Params> {
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
