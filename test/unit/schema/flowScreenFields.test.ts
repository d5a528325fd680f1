import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deriveFields, type DeriveFieldsOptions, type FieldSpec, type SitePolicies } from '../../../src/schema'
import { policies, schema } from './siteFixtures'

/** The fields of the RegistrationLogin screens beyond register, login, lite and complete-registration. */

const names = (specs: FieldSpec[]) => specs.map((spec) => spec.name)
const withLoginIds = (loginIdentifiers: string): SitePolicies => ({ ...policies, accountOptions: { loginIdentifiers } })
const derive = (
  screen: DeriveFieldsOptions['screen'],
  options: DeriveFieldsOptions = {},
  site: SitePolicies = policies,
) => deriveFields(schema, site, { screen, ...options })

const passwordSpec = {
  section: 'password',
  kind: 'password',
  schemaType: 'string',
  required: true,
  mustBeTrue: false,
} as const
const newPassword: FieldSpec = {
  name: 'newPassword',
  ...passwordSpec,
  label: 'New password',
  labelKey: 'newPassword',
  autoComplete: 'new-password',
}
const newPasswordRetype: FieldSpec = {
  name: 'passwordRetype',
  ...passwordSpec,
  label: 'Confirm new password',
  labelKey: 'confirm_new_password',
  autoComplete: 'new-password',
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('deriveFields for the screens of one call', () => {
  it.each<[DeriveFieldsOptions['screen'], FieldSpec[]]>([
    [
      'forgot-password',
      [
        {
          name: 'loginID',
          section: 'loginID',
          kind: 'email',
          schemaType: 'string',
          label: 'Email',
          labelKey: 'email',
          required: true,
          mustBeTrue: false,
          autoComplete: 'username',
          inputMode: 'email',
        },
      ],
    ],
    ['reset-password', [newPassword, newPasswordRetype]],
    [
      'password-change-required',
      [
        {
          name: 'password',
          section: 'password',
          kind: 'password',
          schemaType: 'string',
          label: 'Current password',
          labelKey: 'current_password',
          required: true,
          mustBeTrue: false,
          autoComplete: 'current-password',
        },
        newPassword,
        newPasswordRetype,
      ],
    ],
    [
      'email-code-verification',
      [
        {
          name: 'code',
          section: 'security',
          kind: 'text',
          schemaType: 'string',
          label: 'Verification code',
          labelKey: 'code',
          required: true,
          mustBeTrue: false,
          autoComplete: 'one-time-code',
          inputMode: 'numeric',
        },
      ],
    ],
  ])('%s', (screen, expected) => {
    expect(derive(screen)).toEqual(expected)
    expect(console.warn).not.toHaveBeenCalled()
  })

  it.each([
    ['email', 'email, providerEmail'],
    ['username', 'username'],
    ['both', 'email, username'],
  ])('forgot-password asks for the login id as login does (%s)', (_, loginIdentifiers) => {
    const site = withLoginIds(loginIdentifiers)
    expect(derive('forgot-password', {}, site)).toEqual(derive('login', {}, site).slice(0, 1))
  })

  it.each(['forgot-password', 'reset-password', 'password-change-required', 'email-code-verification'] as const)(
    '%s ignores fields and takes only the captcha from extra',
    (screen) => {
      const own = names(derive(screen))
      expect(names(derive(screen, { fields: ['profile.zip', 'email'] }))).toEqual(own)
      expect(names(derive(screen, { extra: ['secretQuestion', 'profile.zip', 'captcha', 'data.terms'] }))).toEqual([
        ...own,
        'captcha',
      ])
      expect(console.warn).not.toHaveBeenCalled()
    },
  )

  it('asks for no captcha or security question of its own, whatever the registration policy', () => {
    const strict = { ...policies, registration: { requireCaptcha: true, requireSecurityQuestion: true } }
    expect(names(derive('reset-password', {}, strict))).toEqual(['newPassword', 'passwordRetype'])
    expect(names(derive('email-code-verification', {}, strict))).toEqual(['code'])
  })

  it('a new password field may be listed on other screens, held to the policy as new', () => {
    expect(deriveFields(schema, policies, { fields: ['newPassword'] })).toEqual([newPassword])
  })

  it('the retype confirms the new password only on screens that ask for one', () => {
    const retype = (screen: DeriveFieldsOptions['screen']) =>
      derive(screen).find(({ name }) => name === 'passwordRetype')
    expect(retype('reset-password')).toEqual(newPasswordRetype)
    expect(retype('password-change-required')).toEqual(newPasswordRetype)
    for (const screen of ['register', 'lite-progression'] as const)
      expect(retype(screen)).toMatchObject({ label: 'Confirm password', labelKey: 'passwordRetype' })
  })

  it('the password is the current one only where the user already has one', () => {
    const password = (screen: DeriveFieldsOptions['screen']) => derive(screen).find(({ name }) => name === 'password')
    expect(password('password-change-required')).toMatchObject({
      labelKey: 'current_password',
      autoComplete: 'current-password',
    })
    expect(password('login')).toMatchObject({ labelKey: 'password', autoComplete: 'current-password' })
    expect(password('lite-progression')).toMatchObject({ labelKey: 'password', autoComplete: 'new-password' })
  })
})

describe('deriveFields for forgot-password-security: forgot-password once the question is asked (400050)', () => {
  const secretAnswer: FieldSpec = {
    name: 'secretAnswer',
    section: 'security',
    kind: 'text',
    schemaType: 'string',
    label: 'Security answer',
    labelKey: 'secretAnswer',
    required: true,
    mustBeTrue: false,
  }

  it('asks for the login ID as before, the answer (required), the new password and its retype', () => {
    const specs = derive('forgot-password-security')
    expect(specs).toEqual([...derive('forgot-password'), secretAnswer, newPassword, newPasswordRetype])
    // Required whatever the registration policy says: the reset cannot go on without the answer.
    expect(policies.registration?.requireSecurityQuestion).not.toBe(true)
    expect(console.warn).not.toHaveBeenCalled()
  })

  it('takes only the captcha from extra, and ignores fields', () => {
    const own = ['loginID', 'secretAnswer', 'newPassword', 'passwordRetype']
    expect(names(derive('forgot-password-security', { fields: ['profile.zip'] }))).toEqual(own)
    expect(names(derive('forgot-password-security', { extra: ['secretQuestion', 'captcha'] }))).toEqual([
      ...own,
      'captcha',
    ])
  })
})

describe('deriveFields for lite-progression', () => {
  it.each<[string, DeriveFieldsOptions, SitePolicies]>([
    ['the fixture site', {}, policies],
    ['a caller list', { fields: ['email', 'password', 'profile.gender', 'subscriptions.newsletter'] }, policies],
    ['server-named extras', { extra: ['profile.city', 'secretAnswer'] }, policies],
    [
      'a policy asking for a captcha and a security question',
      { fields: ['email', 'password'] },
      { ...policies, registration: { requireCaptcha: true, requireSecurityQuestion: true } },
    ],
    ['a username site', {}, withLoginIds('username')],
  ])('shows what register shows, for %s', (_, options, site) => {
    const register = deriveFields(schema, site, { ...options, screen: 'register' })
    expect(register.length).toBeGreaterThan(0)
    expect(deriveFields(schema, site, { ...options, screen: 'lite-progression' })).toEqual(register)
  })

  it('adds what the registration policy requires after the caller list', () => {
    const specs = derive(
      'lite-progression',
      { fields: ['email', 'password'] },
      {
        ...policies,
        registration: { requireCaptcha: true, requireSecurityQuestion: true },
      },
    )
    expect(names(specs)).toEqual(['email', 'password', 'secretQuestion', 'secretAnswer', 'captcha'])
  })
})
