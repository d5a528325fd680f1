import { createContext, useContext, type ComponentType } from 'react'
import type { Translator } from '../i18n'
import type { SitePolicies } from '../schema'
import type { CaptchaBinding } from '../react/useCaptcha'
import type { PasswordStrengthProps } from './PasswordStrength'
import type { ScreenSetClassNames, ScreenSetComponents } from './parts'

export interface ScreenSetContextValue {
  /** Prefix of element ids, unique per mounted screen-set. */
  idPrefix: string
  parts: ScreenSetComponents
  classNames: ScreenSetClassNames
  t: Translator
  /**
   * The strength meter and rules checklist under a new password, on screen-sets that ask for one:
   * given here rather than imported by `SchemaField`, so a page with only the newsletter form does
   * not carry it.
   */
  StrengthMeter?: ComponentType<PasswordStrengthProps> | undefined
  /** Told when a field loses focus (after its own validation), e.g. to check email availability. */
  onFieldBlur?: ((name: string) => void) | undefined
  /** For the `Captcha` part, on screen-sets that can show one. */
  captcha?: CaptchaBinding | undefined
}

export const ScreenSetContext = createContext<ScreenSetContextValue | null>(null)

/**
 * The site's policies, for the password strength meter: a context of its own, so that new policies
 * (worked out again once the pattern translator is in) re-render the meter and not every field.
 */
export const PoliciesContext = createContext<SitePolicies | undefined>(undefined)

export function useScreenSet(part: string): ScreenSetContextValue {
  const context = useContext(ScreenSetContext)
  if (!context)
    throw new Error(
      `\`${part}\` must be used within \`RegistrationScreenSet\`, \`LiteSubscribe\` or \`ProfileScreenSet\``,
    )
  return context
}

/** The id of an element that belongs to a field (its input, its error). */
export function fieldElementId(idPrefix: string, name: string, suffix = ''): string {
  return `${idPrefix}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}${suffix}`
}
