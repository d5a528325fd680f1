import { lazy } from 'react'
import type { RegistrationScreen } from '../../flows'

// Each group is its own chunk: a page pays for the screens it reaches, never for all of them up front.
const loadPasswordScreens = () => import('./passwordScreens')
const loadVerificationScreens = () => import('./verificationScreens')
const loadTfaScreens = () => import('./tfaScreens')

export const PasswordScreens = lazy(loadPasswordScreens)
export const VerificationScreens = lazy(loadVerificationScreens)
export const TfaScreens = lazy(loadTfaScreens)

/** The screens whose code loads on demand, by the group that holds them. */
const loaders: Partial<Record<RegistrationScreen, () => Promise<unknown>>> = {
  'forgot-password': loadPasswordScreens,
  'forgot-password-success': loadPasswordScreens,
  'reset-password': loadPasswordScreens,
  'reset-password-success': loadPasswordScreens,
  'password-change-required': loadPasswordScreens,
  'verification-pending': loadVerificationScreens,
  'verification-sent': loadVerificationScreens,
  'email-code-verification': loadVerificationScreens,
  'tfa-verification': loadTfaScreens,
  'tfa-registration': loadTfaScreens,
}

export type ScreenGroup = 'password' | 'verification' | 'tfa' | 'initial'

export function screenGroup(screen: RegistrationScreen): ScreenGroup {
  const load = loaders[screen]
  if (load === undefined) return 'initial'
  return load === loadPasswordScreens ? 'password' : load === loadTfaScreens ? 'tfa' : 'verification'
}

/**
 * Starts loading the code of `screen` (a no-op for the screens of the first chunk, and when it is
 * loaded already: the module loader keeps one request per chunk). A failure stays quiet here: the
 * render that needs the screen meets it again and shows it through the error boundary.
 */
export function preloadScreen(screen: RegistrationScreen): void {
  loaders[screen]?.().catch(() => undefined)
}
