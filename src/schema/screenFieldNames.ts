import type { DeriveFieldsOptions } from './deriveFieldsWith'
import { FIXED_SCREEN_FIELDS, isFixedScreen, type FixedScreen, type FormScreen } from './fixedFields'
import { liteFieldNames } from './liteFieldNames'
import { nameList } from './nameList'
import type { Site } from './readSite'
import { requiredConsentNames, requiredKeys } from './requiredKeys'

const SECURITY_PAIR = ['secretQuestion', 'secretAnswer']

/** The names of the fields the screen shows, in order: its own, then `extra`, then the policy's controls. */
export function screenFieldNames(site: Site, options: DeriveFieldsOptions): string[] {
  const extra = (nameList(options.extra, 'extra') ?? []).flatMap((name) =>
    SECURITY_PAIR.includes(name) ? SECURITY_PAIR : [name],
  )
  if (isFixedScreen(site.screen))
    return [...FIXED_SCREEN_FIELDS[site.screen], ...extra.filter((name) => name === 'captcha')]
  const names = [...formFieldNames(site.screen, site, options), ...extra]
  return site.screen === 'register' || site.screen === 'lite-progression'
    ? [...names, ...policyControls(site).filter((name) => !names.includes(name))]
    : names
}

/** The registration policy's own controls: never left out, whatever the caller picked. */
function policyControls(site: Site): string[] {
  return [
    ...(site.registration['requireSecurityQuestion'] === true ? SECURITY_PAIR : []),
    ...(site.registration['requireCaptcha'] === true ? ['captcha'] : []),
  ]
}

function formFieldNames(screen: Exclude<FormScreen, FixedScreen>, site: Site, options: DeriveFieldsOptions): string[] {
  switch (screen) {
    case 'complete-registration':
      return nameList(options.missing, 'missing') ?? []
    case 'lite': {
      const own = liteFieldNames(site, options.subscriptions)
      return nameList(options.fields, 'fields') ?? own
    }
    case 'register':
    case 'lite-progression': {
      const emailIsLoginId = site.loginIdentifiers.includes('email')
      return (
        nameList(options.fields, 'fields') ?? [
          ...site.loginIdentifiers,
          'password',
          'passwordRetype',
          // The server copies the login email into the profile; asking for it twice would annoy.
          ...requiredKeys(site.profile)
            .filter((key) => !(emailIsLoginId && key === 'email'))
            .map((key) => `profile.${key}`),
          ...requiredKeys(site.data).map((key) => `data.${key}`),
          ...requiredConsentNames(site.consents),
        ]
      )
    }
  }
}
