// @vitest-environment node
/**
 * Schema patterns judged over real HTTP against the SQLite store: a pattern that merely holds text
 * resembling a construct JavaScript lacks (`-[` outside a class, `\(?(` escaped) is still checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SITE, type SiteConfig } from '../../../src/server'
import {
  COMPLETE,
  PASSWORD,
  rejection,
  siteWith,
  startHarness,
  uniqueEmail,
  type Harness,
} from '../../support/emulatorHarness'

/** DEFAULT_SITE with `profile.zip` held to `pattern`. */
function siteWithZipPattern(apiKey: string, pattern: string): SiteConfig {
  const schema = structuredClone(DEFAULT_SITE.schema)
  const profileFields = schema.profileSchema?.fields as Record<string, Record<string, unknown>>
  profileFields.zip = { ...profileFields.zip, format: `regex('${pattern}')` }
  return siteWith(apiKey, {}, { schema })
}

const CASES: ReadonlyArray<[pattern: string, failing: string, passing: string]> = [
  ['^[A-Z]{2}-[0-9]{4}$', '12345', 'AB-1234'],
  ['^[0-9]{2}-[0-9]{3}$', '00950', '00-950'],
  ['^\\(?(\\d{3})\\)?[-. ]?(\\d{3})[-. ]?(\\d{4})$', '555-01234', '(202) 555-0123'],
]

const sites = CASES.map(([pattern], index) => siteWithZipPattern(`3_zip_pattern_${index}`, pattern))
let h: Harness

beforeAll(async () => {
  h = await startHarness(sites)
})

afterAll(async () => {
  await h.close()
})

async function register(apiKey: string, zip: string) {
  const client = h.client(apiKey)
  const { regToken } = await client.initRegistration()
  return client.register({
    regToken,
    email: uniqueEmail('zip'),
    password: PASSWORD,
    ...COMPLETE,
    profile: { ...COMPLETE.profile, zip },
    finalizeRegistration: true,
  })
}

describe('a zip pattern over HTTP', () => {
  it.each(CASES.map(([pattern, failing, passing], index) => [pattern, failing, passing, index] as const))(
    '%s refuses %j with 400009 / 400026 on profile.zip and accepts %j',
    async (_, failing, passing, index) => {
      const { apiKey } = sites[index] as SiteConfig
      const error = await rejection(register(apiKey, failing))
      expect(error.errorCode).toBe(400009)
      expect(error.validationErrors).toEqual(
        expect.arrayContaining([expect.objectContaining({ errorCode: 400026, fieldName: 'profile.zip' })]),
      )
      await expect(register(apiKey, passing)).resolves.toMatchObject({ errorCode: 0 })
    },
  )
})
