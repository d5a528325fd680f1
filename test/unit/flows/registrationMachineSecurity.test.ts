import { describe, expect, it } from 'vitest'
import {
  createRegistrationMachine,
  type FlowAnswer,
  type FlowCall,
  type RegistrationState,
  type RegistrationStep,
} from '../../../src/flows'
import { answered, fail, failed, resetByLoginID, st, submit } from './registrationTables'

/** forgot-password on an account that must answer its security question (FLOWS.md §3, 400050). */

const QUESTION = 'What was the name of your first pet?'
const asked = st('forgot-password', { security: { question: QUESTION } })
const byAnswer: FlowCall = {
  method: 'accounts.resetPassword',
  params: { loginID: 'a@example.com', secretAnswer: 'Rex', newPassword: 'New-pass-1' },
}
const securityFailed = (body: Record<string, unknown> = { secretQuestion: QUESTION }) =>
  fail('accounts.resetPassword', 400050, { errorMessage: 'Security verification failed', ...body })

describe('registration machine: the security question of a password reset', () => {
  const machine = createRegistrationMachine()

  it.each<[string, RegistrationState, Record<string, unknown>, FlowCall]>([
    [
      'with the question: login ID, answer and new password (never the retype)',
      asked,
      { loginID: 'a@example.com', secretAnswer: 'Rex', newPassword: 'New-pass-1', passwordRetype: 'New-pass-1' },
      byAnswer,
    ],
    [
      'with the question and a CAPTCHA: its solution too',
      asked,
      { loginID: 'a@example.com', secretAnswer: 'Rex', newPassword: 'New-pass-1', captchaToken: 'C', captchaText: 'w' },
      { method: 'accounts.resetPassword', params: { ...byAnswer.params, captchaToken: 'C', captchaText: 'w' } },
    ],
  ])('submit %s', (_label, state, values, call) => {
    expect(machine.transition(state, submit(values))).toEqual({ state, call })
  })

  const error = securityFailed()
  it.each<[string, RegistrationState, FlowAnswer, RegistrationStep]>([
    [
      '400050 with a question after the login ID alone → the question, no failure',
      st('forgot-password', { prefill: { loginID: 'a@example.com' } }),
      failed(resetByLoginID, error),
      { state: st('forgot-password', { prefill: { loginID: 'a@example.com' }, security: { question: QUESTION } }) },
    ],
    [
      '400050 after an answer with another question → the new question',
      asked,
      failed(byAnswer, securityFailed({ secretQuestion: 'Your town of birth?' })),
      {
        state: st('forgot-password', { security: { question: 'Your town of birth?' } }),
        failure: { error: securityFailed({ secretQuestion: 'Your town of birth?' }), call: byAnswer },
      },
    ],
    [
      'the answer accepted → reset-password-success (the password is changed)',
      asked,
      answered(byAnswer, { errorCode: 0, UID: 'u1' }),
      { state: st('reset-password-success') },
    ],
  ])('%s', (_label, state, event, step) => {
    expect(machine.transition(state, event)).toEqual(step)
  })

  it('runs the whole reset: the question, a wrong answer shown as a failure, then the right one', () => {
    const first = machine.transition(st('forgot-password'), submit({ loginID: 'a@example.com' }))
    expect(first.call).toEqual(resetByLoginID)
    const questioned = machine.transition(first.state, failed(resetByLoginID, error))
    expect(questioned).toEqual({ state: asked })

    const values = { loginID: 'a@example.com', secretAnswer: 'Rex', newPassword: 'New-pass-1' }
    const wrong = machine.transition(questioned.state, submit(values))
    expect(wrong.call).toEqual(byAnswer)
    // A wrong answer (no question repeated): the question stays and the form shows the failure.
    const refused = machine.transition(wrong.state, failed(byAnswer, securityFailed({})))
    expect(refused).toEqual({ state: asked, failure: { error: securityFailed({}), call: byAnswer } })

    const right = machine.transition(refused.state, submit(values))
    expect(machine.transition(right.state, answered(byAnswer, { errorCode: 0, UID: 'u1' }))).toEqual({
      state: st('reset-password-success'),
    })
  })
})
