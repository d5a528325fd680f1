import type { AccountsClient } from '../accounts'
import type { CaptchaProvider } from '../captcha/types'
import type { RegistrationMachineOptions } from '../flows'
import type { CustomLang } from '../i18n'
import type { Labels } from './labels'
import { pageParam } from './pageUrl'
import type { ScreenSetEvents } from './screenSetEvents'
import type { SiteSchemaOptions } from './useSiteSchema'

export interface UseRegistrationScreenSetOptions
  extends
    ScreenSetEvents,
    Omit<SiteSchemaOptions, 'client'>,
    Omit<RegistrationMachineOptions, 'passwordResetToken' | 'progressionEmail'> {
  /** Which fields the register screen shows, in order (binding names); default: what the schema requires. */
  fields?: readonly string[]
  /**
   * Opens the reset-password screen with the token of the emailed link. Default: the page URL's
   * `pwrt` parameter (SAP's link carries it there); pass it yourself when you render on the server.
   */
  passwordResetToken?: string
  /**
   * Opens the lite-progression screen for a newsletter subscriber with this email: a full
   * registration that keeps their lite account. Default: the page URL's `gig_email` parameter.
   */
  progressionEmail?: string
  lang?: string
  customLang?: CustomLang
  /** Labels by field name, over the schema's and the catalog's. */
  labels?: Labels
  /**
   * Ask `accounts.isAvailableLoginID` when the user leaves the email field, and say at once if the
   * address is taken (off by default: sites that prevent login-ID harvesting refuse the call).
   */
  checkLoginIdAvailability?: boolean
  /**
   * The CAPTCHA the user solves when the site asks for one (`registration.requireCaptcha`, or a login
   * after failed attempts): a vendor's adapter, or your own provider. Default: the `AccountsProvider`'s,
   * else SAP's text CAPTCHA. Create it once (module scope or `useMemo`): a new one renders it anew.
   */
  captcha?: CaptchaProvider
  client?: AccountsClient
}

/** The machine's options from the hook's, with the page URL's parameters; `key` changes when they do. */
export function registrationOptions(options: UseRegistrationScreenSetOptions): RegistrationMachineOptions & {
  key: string
} {
  const passwordResetToken = options.passwordResetToken ?? pageParam('pwrt')
  const progressionEmail = options.progressionEmail ?? pageParam('gig_email')
  const machine: RegistrationMachineOptions = {
    ...(options.startScreen ? { startScreen: options.startScreen } : {}),
    ...(passwordResetToken ? { passwordResetToken } : {}),
    ...(progressionEmail ? { progressionEmail } : {}),
    ...(options.liteToken ? { liteToken: options.liteToken } : {}),
    ...(options.finalizeRegistration === undefined ? {} : { finalizeRegistration: options.finalizeRegistration }),
    ...(options.include ? { include: options.include } : {}),
    ...(options.regSource === undefined ? {} : { regSource: options.regSource }),
  }
  return { ...machine, key: JSON.stringify(machine) }
}
