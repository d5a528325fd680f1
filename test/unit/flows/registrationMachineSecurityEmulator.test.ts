// @vitest-environment node
/**
 * The registration machine's forgot-password with a security question (FLOWS.md §3, 400050) against
 * the emulator over HTTP with SQLite: a site with `passwordReset.requireSecurityCheck`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  classifyError,
  createRegistrationMachine,
  initialRegistrationState,
  type RegistrationEvent,
  type RegistrationState,
} from '../../../src/flows'
import { drive, type Driven } from './driveMachine'
import { COMPLETE, PASSWORD, siteWith, startHarness, uniqueEmail, type Harness } from '../../support/emulatorHarness'

const NEW_PASSWORD = 'Brand-new-42'
const QUESTION = 'Name of your first pet?'
const ANSWER = 'Rex the Dog'
const secureSite = siteWith('3_machines_secure', { passwordReset: { requireSecurityCheck: true } })
/** The inputs forgot-password shows once the question is asked. */
const SECURITY_INPUTS = new Set(['loginID', 'secretAnswer', 'newPassword', 'passwordRetype'])

let h: Harness

beforeAll(async () => {
  h = await startHarness([secureSite])
})

afterAll(async () => {
  await h.close()
})

/** The registration screen-set on the secure site, event by event. */
function registration(startScreen: 'register' | 'login' = 'register') {
  const machine = createRegistrationMachine({ startScreen })
  const client = h.client(secureSite.apiKey)
  let state: RegistrationState = initialRegistrationState({ startScreen })
  const send = async (event: RegistrationEvent) => {
    const driven = await drive(machine, state, event, client, () => h.clock.now)
    state = driven.state
    return driven
  }
  return {
    submit: (values: Record<string, unknown>) => send({ type: 'submit', values, at: h.clock.now }),
    go: (screen: 'login' | 'forgot-password') => send({ type: 'go', screen }),
  }
}

function shown(driven: Driven<unknown>) {
  const failure = driven.failure as NonNullable<Driven<unknown>['failure']>
  expect(failure).toBeDefined()
  return classifyError(failure.error, SECURITY_INPUTS, failure.call.method)
}

describe('registration machine against the emulator: a reset by security question', () => {
  it('forgot-password → the question → a wrong answer → 401030 → reset-password-success → login with the new password only; no question: a form message', async () => {
    const email = uniqueEmail('question')
    const registered = await registration().submit({
      email,
      password: PASSWORD,
      secretQuestion: QUESTION,
      secretAnswer: ANSWER,
      ...COMPLETE,
    })
    expect(registered.state.screen).toBe('success')

    const forgot = registration('login')
    await forgot.go('forgot-password')
    const asked = await forgot.submit({ loginID: email })
    // A step, not an error: the question, no failure, and no link mailed.
    expect(asked.methods).toEqual(['accounts.resetPassword'])
    expect(asked.failure).toBeUndefined()
    expect(asked.state).toMatchObject({ screen: 'forgot-password', security: { question: QUESTION } })
    const { messages } = (await h.admin('emulator.getOutbox', {}, secureSite)) as { messages: { to: string }[] }
    expect(messages.filter((message) => message.to === email)).toEqual([])

    const wrong = await forgot.submit({ loginID: email, secretAnswer: 'Felix', newPassword: NEW_PASSWORD })
    expect(wrong.state).toMatchObject({ screen: 'forgot-password', security: { question: QUESTION } })
    expect(shown(wrong)).toMatchObject({
      kind: 'fields',
      fields: [{ name: 'secretAnswer', messageId: 'security_verification_failed', errorCode: 400050 }],
    })

    const reused = await forgot.submit({ loginID: email, secretAnswer: ANSWER, newPassword: PASSWORD })
    expect(shown(reused)).toMatchObject({
      kind: 'fields',
      fields: [{ name: 'newPassword', messageId: 'old_password_cannot_be_the_same_as_new_password' }],
    })

    const done = await forgot.submit({ loginID: email, secretAnswer: ANSWER, newPassword: NEW_PASSWORD })
    expect(done.failure).toBeUndefined()
    expect(done.state.screen).toBe('reset-password-success')

    const old = await registration('login').submit({ loginID: email, password: PASSWORD })
    expect(old.state.screen).toBe('login')
    const fresh = await registration('login').submit({ loginID: email, password: NEW_PASSWORD })
    expect(fresh.state.screen).toBe('success')

    // An account without a question: the server's words on the form, no answer asked for.
    const other = uniqueEmail('no-question')
    expect((await registration().submit({ email: other, password: PASSWORD, ...COMPLETE })).state.screen).toBe(
      'success',
    )
    const another = registration('login')
    await another.go('forgot-password')
    const refused = await another.submit({ loginID: other })
    expect(refused.state).not.toHaveProperty('security')
    const failure = refused.failure as NonNullable<Driven<unknown>['failure']>
    expect(classifyError(failure.error, new Set(['loginID']), failure.call.method)).toMatchObject({
      kind: 'form',
      form: { messageId: 'error_400050', errorCode: 400050 },
    })
  })
})
