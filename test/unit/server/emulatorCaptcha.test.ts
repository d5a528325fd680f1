// @vitest-environment node
/** The emulator's text CAPTCHA over real HTTP with the SQLite store: the challenge, registration, inspection. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccountsClient } from '../../../src'
import { startEmulatorServer } from '../../../src/server'
import { loadFixture } from '../../support/fixtures'
import { COMPLETE, PASSWORD, rejection, uniqueEmail, type Harness } from '../../support/emulatorHarness'
import { challenge, otherSite, register, site, startCaptchaHarness, TEST_TOKEN, wrongWord } from './captchaSupport'

const TEN_MINUTES = 10 * 60 * 1000

let h: Harness

beforeAll(async () => {
  h = await startCaptchaHarness()
})

afterAll(async () => {
  await h.close()
})

const refused = { errorCode: 400021, errorMessage: 'CAPTCHA verification failed', statusCode: 400 }

describe('accounts.getCaptcha', () => {
  it('answers a token and an SVG data URL that draws the word without writing it', async () => {
    const { captchaToken, captchaImage, answer } = await challenge(h)
    expect(captchaToken).toMatch(/^cpt1_[A-Za-z0-9_-]+$/)
    expect(answer).toMatch(/^[A-Z0-9]{5,6}$/)
    expect(answer).not.toMatch(/[01OIl]/)
    const [prefix, base64] = captchaImage.split(',') as [string, string]
    expect(prefix).toBe('data:image/svg+xml;base64')
    const svg = Buffer.from(base64, 'base64').toString('utf8')
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(svg).toContain('<path ')
    expect(svg).not.toMatch(/<text|<title|aria-label/)
    expect(svg.toUpperCase()).not.toContain(answer)
  })

  it('gives a new challenge on every call', async () => {
    const [first, second] = await Promise.all([challenge(h), challenge(h)])
    expect(first.captchaToken).not.toBe(second.captchaToken)
  })
})

describe('register with requireCaptcha', () => {
  it('accepts the word of a fresh challenge, whatever its case and surrounding spaces', async () => {
    const { captchaToken, answer } = await challenge(h)
    const { response } = await register(h, { captchaToken, captchaText: `  ${answer.toLowerCase()} ` })
    expect(response).toMatchObject({ errorCode: 0, isRegistered: true })
  })

  it.each<[string, () => Promise<Record<string, string>>]>([
    ['no CAPTCHA', async () => ({})],
    [
      'a wrong word',
      async () => {
        const { captchaToken, answer } = await challenge(h)
        return { captchaToken, captchaText: wrongWord(answer) }
      },
    ],
    ['a challenge without its word', async () => ({ captchaToken: (await challenge(h)).captchaToken })],
    ['a word without its challenge', async () => ({ captchaText: (await challenge(h)).answer })],
    [
      'a tampered token',
      async () => {
        const { captchaToken, answer } = await challenge(h)
        const at = captchaToken.length - 10
        const flipped = captchaToken[at] === 'A' ? 'B' : 'A'
        return { captchaToken: captchaToken.slice(0, at) + flipped + captchaToken.slice(at + 1), captchaText: answer }
      },
    ],
    [
      'the challenge of another site',
      async () => {
        const { captchaToken, answer } = await challenge(h, otherSite)
        return { captchaToken, captchaText: answer }
      },
    ],
    ['a provider SAP does not name', async () => ({ captchaToken: 'widget-token', captchaType: 'hCaptcha' })],
    ['a token that is no challenge', async () => ({ captchaToken: 'bot', captchaText: 'ABCDE' })],
  ])('refuses %s with 400021', async (_label, captcha) => {
    expect(await rejection(register(h, await captcha()))).toMatchObject(refused)
  })

  it('answers in the shape of the shared fixture', async () => {
    const { regToken } = await h.client(site.apiKey).initRegistration()
    const body = await h.raw('accounts.register', {
      apiKey: site.apiKey,
      regToken,
      email: uniqueEmail('captcha'),
      password: PASSWORD,
    })
    const fixture = loadFixture('register-captcha-failed')
    expect(body).toMatchObject({ ...fixture, callId: expect.any(String), time: expect.any(String) })
  })

  it('uses a challenge up with its first try, right or wrong', async () => {
    const right = await challenge(h)
    await register(h, { captchaToken: right.captchaToken, captchaText: right.answer })
    expect(await rejection(register(h, { captchaToken: right.captchaToken, captchaText: right.answer }))).toMatchObject(
      refused,
    )

    const tried = await challenge(h)
    await rejection(register(h, { captchaToken: tried.captchaToken, captchaText: wrongWord(tried.answer) }))
    expect(await rejection(register(h, { captchaToken: tried.captchaToken, captchaText: tried.answer }))).toMatchObject(
      refused,
    )
  })

  it('lets exactly one of parallel registrations with one challenge through', async () => {
    const { captchaToken, answer } = await challenge(h)
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => register(h, { captchaToken, captchaText: answer })),
    )
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
  })

  it.each([
    ['passes at 10 minutes', TEN_MINUTES, true],
    ['expires a second later', TEN_MINUTES + 1000, false],
  ])('%s', async (_label, age, passes) => {
    const { captchaToken, answer } = await challenge(h)
    const start = h.clock.now
    h.clock.now += age
    try {
      const outcome = register(h, { captchaToken, captchaText: answer })
      if (passes) expect((await outcome).response.errorCode).toBe(0)
      else expect(await rejection(outcome)).toMatchObject(refused)
    } finally {
      h.clock.now = start
    }
  })

  it.each([
    ['captchaType', 'reCaptchaV2'],
    ['captchaType', 'invisible'],
    ['captchaType', 'reCaptchaV3'],
    ['captchaType', 'reCaptchaEnterpriseScore'],
    ['captchaProvider', 'FunCaptcha'],
  ])('passes a provider token with %s %s', async (name, provider) => {
    const { response } = await register(h, { captchaToken: 'widget-response-token', [name]: provider })
    expect(response.errorCode).toBe(0)
  })

  it.each([
    ['alone', {}],
    ['with any text', { captchaText: 'whatever' }],
  ])('passes the test switch (the site captchaTestToken) %s', async (_label, extra) => {
    const { response } = await register(h, { captchaToken: TEST_TOKEN, ...extra })
    expect(response.errorCode).toBe(0)
  })

  it('fails provider tokens when the host verifier says no, but not text challenges or the switch', async () => {
    const server = await startEmulatorServer({
      sites: [site],
      verifyCaptcha: () => false,
      passwordHashIterations: 1000,
      rateLimit: false,
      warn: () => {},
    })
    try {
      const client = createAccountsClient({ apiKey: site.apiKey, baseUrl: server.url })
      const attempt = async (captcha: Record<string, string>) => {
        const { regToken } = await client.initRegistration()
        const email = uniqueEmail('verifier')
        return client.register({
          regToken,
          email,
          password: PASSWORD,
          ...COMPLETE,
          finalizeRegistration: true,
          ...captcha,
        })
      }
      const widget = { captchaToken: 'widget-response-token', captchaType: 'reCaptchaV2' }
      expect(await rejection(attempt(widget))).toMatchObject(refused)
      expect((await attempt({ captchaToken: TEST_TOKEN })).errorCode).toBe(0)
      const { captchaToken } = await client.getCaptcha()
      const inspected = await server.emulator.handle({
        method: 'emulator.getCaptchaAnswer',
        params: { apiKey: site.apiKey, userKey: site.userKey, secret: site.secret, captchaToken },
      })
      expect((await attempt({ captchaToken, captchaText: inspected.captchaText as string })).errorCode).toBe(0)
    } finally {
      await server.close()
    }
  })
})

describe('emulator.getCaptchaAnswer', () => {
  it('needs the site credentials', async () => {
    const { captchaToken } = await h.client(site.apiKey).getCaptcha()
    expect(await h.raw('emulator.getCaptchaAnswer', { apiKey: site.apiKey, captchaToken })).toMatchObject({
      errorCode: 403007,
    })
    const wrongSecret = { apiKey: site.apiKey, userKey: site.userKey, secret: 'guess', captchaToken }
    expect(await h.raw('emulator.getCaptchaAnswer', wrongSecret)).toMatchObject({ errorCode: 403005 })
  })

  it.each([
    ['of another site', async () => (await h.client(site.apiKey).getCaptcha()).captchaToken],
    ['that is no challenge', async () => 'cpt1_AAAA'],
  ])('refuses a token %s (400006)', async (_label, token) => {
    expect(await h.admin('emulator.getCaptchaAnswer', { captchaToken: await token() }, otherSite)).toMatchObject({
      errorCode: 400006,
      errorDetails: 'Invalid captchaToken',
    })
  })
})
