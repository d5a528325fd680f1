import { useCallback, useMemo } from 'react'
import type { RegistrationState } from '../flows'
import type { Translator } from '../i18n'
import type { DeriveFieldsOptions, FieldSpec, SitePolicies, SiteSchema } from '../schema'
import { deriveFieldsWith } from '../schema/deriveFieldsWith'
import { patternTranslator } from '../schema/patternSupport'
import { localizeField, type Labels } from './labels'
import { useStableFields } from './useStableFields'

type FormScreen = NonNullable<DeriveFieldsOptions['screen']>

type ScreenWithoutForm = Exclude<RegistrationState['screen'], FormScreen>

/** The screens that show no input. */
const WITHOUT_FORM: ReadonlySet<string> = new Set<ScreenWithoutForm>([
  'verification-pending',
  'verification-sent',
  'success',
  'forgot-password-success',
  'reset-password-success',
])
const isWithoutForm = (screen: RegistrationState['screen']): screen is ScreenWithoutForm => WITHOUT_FORM.has(screen)

/**
 * The inputs of a registration screen: the schema's for register, lite-progression and
 * complete-registration (only what is missing), the fixed ones of the password and code screens,
 * plus `extra` names a server answer asked for; labelled in the screen-set's language. The security
 * question of a password reset is server text: the screen shows it as the answer's label.
 */
export function registrationFields(
  site: { schema: SiteSchema | undefined; policies: SitePolicies | undefined },
  state: Pick<RegistrationState, 'screen' | 'missing' | 'reset' | 'security'>,
  extra: readonly string[],
  options: { fields?: readonly string[] | undefined; labels?: Labels | undefined; t: Translator },
): FieldSpec[] {
  const { screen } = state
  // Only reset-password holds a link, so only it can be refused.
  if (!site.schema || isWithoutForm(screen) || state.reset?.invalid) return []
  // deriveFields reads `fields` only on register and lite-progression, `missing` only on
  // complete-registration (the screens of one call take neither).
  const screenOptions = {
    // Only forgot-password holds a question (the machine drops it with the screen).
    screen: state.security ? ('forgot-password-security' as const) : screen,
    fields: options.fields,
    missing: state.missing,
    extra,
  }
  // The translator is loaded on demand; the screen-set holds the schema back until it is there.
  return deriveFieldsWith(site.schema, site.policies, screenOptions, patternTranslator()).map((field) =>
    localizeField(field, options.labels, options.t),
  )
}

/** The current screen's inputs, and the same with `extra` names added (to show a failure's fields). */
export function useRegistrationFields(
  site: { schema: SiteSchema | undefined; policies: SitePolicies | undefined },
  state: Pick<RegistrationState, 'screen' | 'missing' | 'reset' | 'security' | 'extra'>,
  options: { fields?: readonly string[] | undefined; labels?: Labels | undefined; t: Translator },
) {
  const { schema, policies } = site
  const { screen, missing, reset, security, extra } = state
  const { fields: picked, labels, t } = options
  const fieldsWith = useCallback(
    (names: readonly string[]) =>
      registrationFields({ schema, policies }, { screen, missing, reset, security }, names, {
        fields: picked,
        labels,
        t,
      }),
    [schema, policies, screen, missing, reset, security, picked, labels, t],
  )
  const fields = useStableFields(useMemo(() => fieldsWith(extra), [fieldsWith, extra]))
  return { fields, fieldsWith }
}
