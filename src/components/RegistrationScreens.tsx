import { Suspense, useEffect, useId, useMemo, useRef } from 'react'
import type { RegistrationScreenSetApi } from '../react/screenSetApi'
import { EntryScreen } from './screens/entryScreens'
import { PasswordScreens, preloadScreen, screenGroup, TfaScreens, VerificationScreens } from './screens/screenGroups'
import type { ScreenProps } from './screens/screenProps'
import { LoadState } from './screenSetRoot'
import type { ScreenSetFrameValue } from './ScreenSetFrame'
import { PasswordStrength } from './PasswordStrength'
import { PoliciesContext, ScreenSetContext, type ScreenSetContextValue } from './ScreenSetContext'

export interface RegistrationScreensProps {
  api: RegistrationScreenSetApi
  frame: ScreenSetFrameValue
}

const groups = { initial: EntryScreen, password: PasswordScreens, verification: VerificationScreens, tfa: TfaScreens }

/**
 * The current screen of the registration screen-set, rendered from its hook's API. Below the error
 * boundary, so a render error there keeps the hook's state. The screens after the first load on
 * demand, inside the root: while one loads, the root already names it (`data-screen`) and says so.
 */
export function RegistrationScreens({ api, frame }: RegistrationScreensProps) {
  const { root: rootProps, parts, classNames, formLabel } = frame
  const { t, screen, status, onFieldBlur } = api
  const idPrefix = `rss${useId().replace(/:/g, '')}`
  const context = useMemo<ScreenSetContextValue>(
    () => ({
      idPrefix,
      parts,
      classNames,
      t,
      StrengthMeter: PasswordStrength,
      onFieldBlur: (name: string) => void onFieldBlur(name),
      captcha: api.captcha,
    }),
    [idPrefix, parts, classNames, t, onFieldBlur, api.captcha],
  )
  const shownHeadingRef = useRef<string | undefined>(undefined)
  // A screen-set that starts on a screen of its own chunk (the reset link's) fetches it beside the schema.
  useEffect(() => preloadScreen(screen), [screen])

  if (status !== 'ready') {
    return <LoadState api={api} root={rootProps} parts={parts} classNames={classNames} />
  }

  const Screen = groups[screenGroup(screen)]
  const screenProps: ScreenProps = { api, headingId: `${idPrefix}-heading`, formLabel, shownHeadingRef }
  return (
    <ScreenSetContext.Provider value={context}>
      <PoliciesContext.Provider value={api.policies}>
        <div {...rootProps}>
          <Suspense
            fallback={
              <p role="status" data-screen-loading="">
                {t('screen_loading')}
              </p>
            }
          >
            <Screen {...screenProps} />
          </Suspense>
        </div>
      </PoliciesContext.Provider>
    </ScreenSetContext.Provider>
  )
}
