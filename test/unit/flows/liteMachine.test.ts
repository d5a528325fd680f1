import { describe, expect, it } from 'vitest'
import { AccountsError } from '../../../src/accounts'
import {
  createLiteMachine,
  initialLiteState,
  type FlowAnswer,
  type FlowCall,
  type LiteEvent,
  type LiteState,
  type LiteStep,
} from '../../../src/flows'

const AT = 1_700_000_000_000
const values = { profile: { email: 'a@example.com' }, subscriptions: { news: { email: { isSubscribed: true } } } }
const call: FlowCall = { method: 'accounts.setAccountInfo', params: values, token: { kind: 'lite' } }
const answered = (response: unknown): FlowAnswer => ({ type: 'answered', call, response, at: AT })

describe('lite machine', () => {
  const machine = createLiteMachine()
  it.each<[string, LiteState, LiteEvent | FlowAnswer, LiteStep]>([
    [
      'submit → setAccountInfo with a lite token, undefined values left out',
      initialLiteState(),
      { type: 'submit', values: { ...values, data: undefined, regSource: undefined }, doubleOptIn: false, at: AT },
      { state: { screen: 'subscribe', doubleOptIn: false }, call },
    ],
    [
      'answered → thank-you, subscribed',
      { screen: 'subscribe', doubleOptIn: false },
      answered({ errorCode: 0, newUser: true }),
      { state: { screen: 'thank-you', outcome: 'subscribed' } },
    ],
    [
      'answered for a known address → updated',
      { screen: 'subscribe', doubleOptIn: false },
      answered({ errorCode: 0, newUser: false }),
      { state: { screen: 'thank-you', outcome: 'updated' } },
    ],
    [
      'answered without newUser → subscribed',
      { screen: 'subscribe', doubleOptIn: false },
      answered({ errorCode: 0 }),
      { state: { screen: 'thank-you', outcome: 'subscribed' } },
    ],
    [
      'answered with double opt-in → pending-confirmation, even for a known address',
      { screen: 'subscribe', doubleOptIn: true },
      answered({ errorCode: 0, newUser: false }),
      { state: { screen: 'thank-you', outcome: 'pending-confirmation' } },
    ],
    [
      'again → an empty subscribe form',
      { screen: 'thank-you', outcome: 'updated' },
      { type: 'again' },
      { state: { screen: 'subscribe' } },
    ],
  ])('%s', (_label, state, event, step) => {
    expect(machine.transition(state, event)).toEqual(step)
  })

  it('keeps the form on a failure and hands it back', () => {
    const state: LiteState = { screen: 'subscribe', doubleOptIn: false }
    const error = new AccountsError({ method: 'accounts.setAccountInfo', errorCode: 400009, errorMessage: 'x' })
    expect(machine.transition(state, { type: 'failed', call, error, at: AT })).toEqual({
      state,
      failure: { error, call },
    })
  })

  it('a second submit forgets the first one’s double opt-in', () => {
    const step = machine.transition(
      { screen: 'subscribe', doubleOptIn: true },
      {
        type: 'submit',
        values,
        doubleOptIn: false,
        at: AT,
      },
    )
    expect(machine.transition(step.state, answered({ errorCode: 0 })).state.outcome).toBe('subscribed')
  })
})
