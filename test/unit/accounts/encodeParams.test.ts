import { describe, expect, it } from 'vitest'
import { encodeParams } from '../../../src/accounts/encodeParams'

describe('encodeParams', () => {
  it.each([
    [{ email: 'a+b@example.com' }, 'email=a%2Bb%40example.com'],
    [{ isLite: true, finalizeRegistration: false }, 'isLite=true&finalizeRegistration=false'],
    [{ sessionExpiration: -2 }, 'sessionExpiration=-2'],
    [
      { profile: { firstName: 'Zoë', zip: '10001' } },
      'profile=%7B%22firstName%22%3A%22Zo%C3%AB%22%2C%22zip%22%3A%2210001%22%7D',
    ],
    [{ tags: ['a', 'b'] }, 'tags=%5B%22a%22%2C%22b%22%5D'],
    [{ a: undefined, b: null, c: '' }, 'c='],
    [{ text: 'x&y=z' }, 'text=x%26y%3Dz'],
  ])('%j → %s', (params, encoded) => {
    expect(encodeParams(params).toString()).toBe(encoded)
  })
})
