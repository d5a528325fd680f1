import { describe, expect, it } from 'vitest'
import { humanize } from '../../../src/schema/humanize'

describe('humanize', () => {
  it.each([
    ['favoriteTeam', 'Favorite team'],
    ['firstName', 'First name'],
    ['loyalty.points', 'Loyalty points'],
    ['photoURL', 'Photo URL'],
    ['URLValue', 'URL value'],
    ['opt_in-flag', 'Opt in flag'],
    ['address2', 'Address2'],
    ['x', 'X'],
    ['', ''],
  ])('%j → %j', (key, label) => {
    expect(humanize(key)).toBe(label)
  })
})
