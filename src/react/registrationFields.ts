import { useCallback, useMemo } from 'react'
import { isTfaScreen, tfaStage, type RegistrationState } from '../flows'
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

/** Under a TFA code: checked, the session outlives this visit (`finalizeTFA`'s `tempDevice: false`). */
const REMEMBER_DEVICE: FieldSpec = {
  name: 'rememberDevice',
  section: 'security',
  kind: 'checkbox',
  schemaType: 'boolean',
  label: 'Remember this device',
  labelKey: 'remember_device',
  required: false,
  mustBeTrue: false,
}

/**
 * The inputs of a registration screen: the schema's for register, lite-progression and
 * complete-registration (only what is missing), the fixed ones of the password and code screens
 * (a TFA code with "remember this device"), plus `extra` names a server answer asked for; labelled in the screen-set's language. The security
 * question of a password reset is server text: the screen shows it as the answer's label.
 */
export function registrationFields(
  site: { schema: SiteSchema | undefined; policies: SitePolicies | undefined },
  state: Pick<RegistrationState, 'screen' | 'missing' | 'reset' | 'security' | 'tfa'>,
  extra: readonly string[],
  options: { fields?: readonly string[] | undefined; labels?: Labels | undefined; t: Translator },
): FieldSpec[] {
  const { screen } = state
  if (isTfaScreen(screen)) {
    // A TFA screen has inputs once its provider waits for the code; its choices are no API fields.
    if (tfaStage(state) !== 'code') return []
    const code = registrationFields(site, { screen: 'email-code-verification', missing: [] }, [], options)
    return [...code, localizeField(REMEMBER_DEVICE, options.labels, options.t)]
  }
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
  state: Pick<RegistrationState, 'screen' | 'missing' | 'reset' | 'security' | 'tfa' | 'extra'>,
  options: { fields?: readonly string[] | undefined; labels?: Labels | undefined; t: Translator },
) {
  const { schema, policies } = site
  const { screen, missing, reset, security, tfa, extra } = state
  const { fields: picked, labels, t } = options
  const fieldsWith = useCallback(
    (names: readonly string[]) =>
      registrationFields({ schema, policies }, { screen, missing, reset, security, tfa }, names, {
        fields: picked,
        labels,
        t,
      }),
    [schema, policies, screen, missing, reset, security, tfa, picked, labels, t],
  )
  const fields = useStableFields(useMemo(() => fieldsWith(extra), [fieldsWith, extra]))
  return { fields, fieldsWith }
}
