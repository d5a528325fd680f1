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
    [
      'register → login',
      initialRegistrationState(),
      { type: 'go', screen: 'login' },
      { screen: 'login', missing: [], extra: [] },
    ],
    [
      'register → complete-registration',
      initialRegistrationState(),
      { type: 'pending-registration', regToken: 'RT1_a', missing: ['profile.zip'] },
      { screen: 'complete-registration', missing: ['profile.zip'], extra: [], pendingToken: 'RT1_a' },
    ],
    [
      'complete-registration → verification-pending',
      { screen: 'complete-registration', missing: ['profile.zip'], extra: [], pendingToken: 'RT1_a' },
      { type: 'pending-verification', regToken: 'RT1_b', UID: 'u1', emails: ['a@example.com'] },
      {
        screen: 'verification-pending',
        missing: [],
        extra: [],
        pendingToken: 'RT1_b',
        verification: { UID: 'u1', emails: ['a@example.com'] },
      },
    ],
    [
      'login → success',
      { screen: 'login', missing: [], extra: [] },
      { type: 'registered', account },
      { screen: 'success', missing: [], extra: [], account },
    ],
    [
      'verification-pending → register again',
      { screen: 'verification-pending', missing: [], extra: [], pendingToken: 'x' },
      { type: 'go', screen: 'register' },
      { screen: 'register', missing: [], extra: [] },
    ],
    [
      'a failure adds fields to the screen, once each',
      { screen: 'register', missing: [], extra: ['profile.zip'] },
      { type: 'show-fields', names: ['data.terms', 'profile.zip'] },
      { screen: 'register', missing: [], extra: ['profile.zip', 'data.terms'] },
    ],
    [
      'added fields go with the screen',
      { screen: 'register', missing: [], extra: ['profile.zip'] },
      { type: 'pending-registration', regToken: 'RT1_a', missing: ['data.terms'] },
      { screen: 'complete-registration', missing: ['data.terms'], extra: [], pendingToken: 'RT1_a' },
    ],
  ])('%s', (_label, state, event, next) => {
    expect(registrationReducer(state, event)).toEqual(next)
  })

  it('returns the same state for an unknown event', () => {
    const state = initialRegistrationState()
    expect(registrationReducer(state, { type: 'nope' } as never)).toBe(state)
  })
})
