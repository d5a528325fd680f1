import { describe, expect, it } from 'vitest'
import { AccountsError } from '../../../src'
import { createProfileMachine, initialProfileState, type FlowCall, type ProfileState } from '../../../src/flows'

const machine = createProfileMachine()
const at = 1_000

function failure(errorCode: number): AccountsError {
  return new AccountsError({ method: 'accounts.setAccountInfo', errorCode, errorMessage: 'refused' })
}

describe('the profile machine', () => {
  it.each([
    ['update-profile', { profile: { firstName: 'Ann' }, data: undefined }, { profile: { firstName: 'Ann' } }],
    [
      'change-password',
      { password: 'Old-123', newPassword: 'New-456' },
      { password: 'Old-123', newPassword: 'New-456' },
    ],
    [
      'communication',
      { subscriptions: { news: { email: { isSubscribed: true } } } },
      { subscriptions: { news: { email: { isSubscribed: true } } } },
    ],
    [
      'privacy',
      { preferences: { terms: { isConsentGranted: true } } },
      { preferences: { terms: { isConsentGranted: true } } },
    ],
  ] as const)('%s writes the account with setAccountInfo, without undefined values', (screen, values, params) => {
    const step = machine.transition(initialProfileState(screen), { type: 'submit', values, at })
    expect(step.call).toEqual({ method: 'accounts.setAccountInfo', params })
  })

  it('change-email asks for a code to the new address, then sends the code with its vToken', () => {
    let state: ProfileState = initialProfileState('change-email')
    const send = machine.transition(state, { type: 'submit', values: { email: 'new@example.com' }, at })
    expect(send.call).toEqual({ method: 'accounts.otp.sendCode', params: { email: 'new@example.com' } })
    state = machine.transition(send.state, {
      type: 'answered',
      call: send.call as FlowCall,
      response: { vToken: 'VT1' },
      at,
    }).state
    expect(state.code).toEqual({ email: 'new@example.com', vToken: 'VT1', sentAt: at })

    const resend = machine.transition(state, { type: 'resend', at: at + 60_000 })
    expect(resend.call).toEqual({ method: 'accounts.otp.sendCode', params: { email: 'new@example.com' } })
    expect(resend.state.resend.status).toBe('sending')

    const update = machine.transition(state, { type: 'submit', values: { code: '123456' }, at })
    expect(update.call).toEqual({ method: 'accounts.otp.update', params: { vToken: 'VT1', code: '123456' } })
    const saved = machine.transition(update.state, {
      type: 'answered',
      call: update.call as FlowCall,
      response: {},
      at,
    })
    expect(saved.state).toMatchObject({ code: undefined, saved: 'change-email' })

    expect(machine.transition(state, { type: 'change-address' }).state.code).toBeUndefined()
  })

  it('a refused session (403005) signs the user out, and moving on keeps it so', () => {
    const submit = machine.transition(initialProfileState(), { type: 'submit', values: { profile: {} }, at })
    const failed = machine.transition(submit.state, {
      type: 'failed',
      call: submit.call as FlowCall,
      error: failure(403005),
      at,
    })
    expect(failed.state.signedOut).toBe(true)
    expect(failed.failure?.error).toBeInstanceOf(AccountsError)
    expect(machine.transition(failed.state, { type: 'go', screen: 'privacy' }).state).toMatchObject({
      screen: 'privacy',
      signedOut: true,
    })
  })

  it('any other failure keeps the screen and the user signed in', () => {
    const submit = machine.transition(initialProfileState(), { type: 'submit', values: { profile: {} }, at })
    const failed = machine.transition(submit.state, {
      type: 'failed',
      call: submit.call as FlowCall,
      error: failure(400009),
      at,
    })
    expect(failed.state).toMatchObject({ screen: 'update-profile', signedOut: false })
    expect(failed.failure).toBeDefined()
  })

  it('going to a screen drops what the last one saved and its code request', () => {
    const state: ProfileState = {
      ...initialProfileState('change-email'),
      saved: 'change-email',
      code: { email: 'a@b.c', vToken: 'V', sentAt: at },
    }
    expect(machine.transition(state, { type: 'go', screen: 'update-profile' }).state).toEqual(
      initialProfileState('update-profile'),
    )
  })
})
