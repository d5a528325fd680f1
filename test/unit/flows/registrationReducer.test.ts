import { describe, expect, it } from 'vitest'
import {
  initialRegistrationState,
  registrationReducer,
  type RegistrationEvent,
  type RegistrationState,
} from '../../../src/flows'

const account = { errorCode: 0, UID: 'u1' }

describe('registrationReducer', () => {
  it.each<[string, RegistrationState, RegistrationEvent, RegistrationState]>([
    ['register → login', initialRegistrationState(), { type: 'go', screen: 'login' }, { screen: 'login', missing: [] }],
    [
      'register → complete-registration',
      initialRegistrationState(),
      { type: 'pending-registration', regToken: 'RT1_a', missing: ['profile.zip'] },
      { screen: 'complete-registration', missing: ['profile.zip'], pendingToken: 'RT1_a' },
    ],
    [
      'complete-registration → verification-pending',
      { screen: 'complete-registration', missing: ['profile.zip'], pendingToken: 'RT1_a' },
      { type: 'pending-verification', regToken: 'RT1_b', UID: 'u1', emails: ['a@example.com'] },
      {
        screen: 'verification-pending',
        missing: [],
        pendingToken: 'RT1_b',
        verification: { UID: 'u1', emails: ['a@example.com'] },
      },
    ],
    [
      'login → success',
      { screen: 'login', missing: [] },
      { type: 'registered', account },
      { screen: 'success', missing: [], account },
    ],
    [
      'verification-pending → register again',
      { screen: 'verification-pending', missing: [], pendingToken: 'x' },
      { type: 'go', screen: 'register' },
      { screen: 'register', missing: [] },
    ],
  ])('%s', (_label, state, event, next) => {
    expect(registrationReducer(state, event)).toEqual(next)
  })

  it('returns the same state for an unknown event', () => {
    const state = initialRegistrationState()
    expect(registrationReducer(state, { type: 'nope' } as never)).toBe(state)
  })
})
