import type { FieldKind, FieldSpec } from './types'

/** The screens `deriveFields` makes fields for; DeriveFieldsOptions.screen says what each shows. */
export type FormScreen =
  | 'register'
  | 'complete-registration'
  | 'login'
  | 'lite'
  | 'lite-progression'
  | 'forgot-password'
  | 'forgot-password-security'
  | 'reset-password'
  | 'password-change-required'
  | 'email-code-verification'

export type LoginIdentifier = 'email' | 'username'

/**
 * Screens whose fields are the parameters of one call (`login`, `resetPassword`, `setAccountInfo`,
 * `otp.update`): the same on every site, whatever the schema holds or the caller lists.
 */
export const FIXED_SCREEN_FIELDS = {
  login: ['loginID', 'password'],
  'forgot-password': ['loginID'],
  // forgot-password once the account's security question is asked (400050, FLOWS.md §3): the answer
  // proves the owner, so the same call sets the new password.
  'forgot-password-security': ['loginID', 'secretAnswer', 'newPassword', 'passwordRetype'],
  'reset-password': ['newPassword', 'passwordRetype'],
  'password-change-required': ['password', 'newPassword', 'passwordRetype'],
  'email-code-verification': ['code'],
} as const satisfies Partial<Record<FormScreen, readonly string[]>>

export type FixedScreen = keyof typeof FIXED_SCREEN_FIELDS

export function isFixedScreen(screen: FormScreen): screen is FixedScreen {
  return Object.hasOwn(FIXED_SCREEN_FIELDS, screen)
}

/** The parts of the site a fixed field depends on. */
export interface FixedFieldSite {
  screen: FormScreen
  loginIdentifiers: readonly LoginIdentifier[]
  registration: Readonly<Record<string, unknown>>
}

/** Screens where the user already has a password: `password` is the one they have, not one to choose. */
const CURRENT_PASSWORD_SCREENS: ReadonlySet<FormScreen> = new Set(['login', 'password-change-required'])

/**
 * The fields that are parameters of the call rather than schema fields, or undefined when `name` is
 * none of them. Where a screen holds both passwords (`password-change-required`), each label says
 * which one it asks for, and the retype says it confirms the new one: on the screens of one call a
 * retype is always of `newPassword`.
 */
export function fixedField(name: string, site: FixedFieldSite): FieldSpec | undefined {
  const isLoginId = (id: LoginIdentifier) => site.loginIdentifiers.includes(id)
  switch (name) {
    case 'email':
      return field(name, 'loginID', 'email', 'Email', {
        required: isLoginId('email'),
        autoComplete: 'email',
        inputMode: 'email',
      })
    case 'username':
      return field(name, 'loginID', 'text', 'Username', { required: isLoginId('username'), autoComplete: 'username' })
    case 'loginID': {
      const byEmail = !isLoginId('username')
      const label = byEmail ? 'Email' : isLoginId('email') ? 'Email or username' : 'Username'
      return field(name, 'loginID', byEmail ? 'email' : 'text', label, {
        // Translated as what it asks for: `email`, `username`, or `loginID` (email or username).
        labelKey: byEmail ? 'email' : isLoginId('email') ? 'loginID' : 'username',
        autoComplete: 'username',
        ...(byEmail && { inputMode: 'email' }),
      })
    }
    case 'password':
      if (!CURRENT_PASSWORD_SCREENS.has(site.screen))
        return field(name, 'password', 'password', 'Password', { autoComplete: 'new-password' })
      return field(name, 'password', 'password', site.screen === 'login' ? 'Password' : 'Current password', {
        labelKey: site.screen === 'login' ? 'password' : 'current_password',
        autoComplete: 'current-password',
      })
    case 'newPassword':
      return field(name, 'password', 'password', 'New password', { autoComplete: 'new-password' })
    case 'passwordRetype':
      return isFixedScreen(site.screen)
        ? field(name, 'password', 'password', 'Confirm new password', {
            labelKey: 'confirm_new_password',
            autoComplete: 'new-password',
          })
        : field(name, 'password', 'password', 'Confirm password', { autoComplete: 'new-password' })
    case 'code':
      // Sent on its own beside the regToken, as the security answer is: hence the `security` section.
      return field(name, 'security', 'text', 'Verification code', {
        autoComplete: 'one-time-code',
        inputMode: 'numeric',
      })
    case 'secretQuestion':
    case 'secretAnswer':
      return field(name, 'security', 'text', name === 'secretQuestion' ? 'Security question' : 'Security answer', {
        // On a screen of one call it is the answer a password reset cannot go on without.
        required: site.registration['requireSecurityQuestion'] === true || isFixedScreen(site.screen),
      })
    case 'captcha':
      // Not `required`: its answer is no value of the form for the validator to find; the Captcha part
      // refuses a submit it has not solved.
      return field(name, 'captcha', 'captcha', 'CAPTCHA', { required: false })
    default:
      return undefined
  }
}

function field(
  name: string,
  section: FieldSpec['section'],
  kind: FieldKind,
  label: string,
  traits: Partial<FieldSpec> = {},
): FieldSpec {
  return {
    name,
    section,
    kind,
    schemaType: 'string',
    label,
    labelKey: name,
    required: true,
    mustBeTrue: false,
    ...traits,
  }
}
