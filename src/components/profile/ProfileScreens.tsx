import { useId, useMemo, useRef } from 'react'
import type { ProfileScreenSetApi } from '../../react/profileOptions'
import { PasswordStrength } from '../PasswordStrength'
import { LoadState } from '../screenSetRoot'
import type { ScreenSetFrameValue } from '../ScreenSetFrame'
import { PoliciesContext, ScreenSetContext, type ScreenSetContextValue } from '../ScreenSetContext'
import { ScreenTitle } from '../screens/ScreenTitle'
import { ProfileForm } from './ProfileForm'
import { ProfileNav } from './ProfileNav'

export interface ProfileScreensProps {
  api: ProfileScreenSetApi
  frame: ScreenSetFrameValue
}

/**
 * The profile screen-set's navigation and current screen, rendered from its hook's API; below the
 * error boundary, so a render error there keeps what was typed. Signed out, it says so instead.
 */
export function ProfileScreens({ api, frame }: ProfileScreensProps) {
  const { root, parts, classNames, formLabel } = frame
  const { t } = api
  const idPrefix = `rsp${useId().replace(/:/g, '')}`
  const context = useMemo<ScreenSetContextValue>(
    () => ({ idPrefix, parts, classNames, t, StrengthMeter: PasswordStrength }),
    [idPrefix, parts, classNames, t],
  )
  const shownHeadingRef = useRef<string | undefined>(undefined)
  const headingId = `${idPrefix}-heading`

  if (api.status !== 'ready') {
    return <LoadState api={api} root={root} parts={parts} classNames={classNames} errorMessage="account_load_error" />
  }
  return (
    <ScreenSetContext.Provider value={context}>
      <PoliciesContext.Provider value={api.policies}>
        {api.signedOut ? (
          <div {...root} data-signed-out="">
            <ScreenTitle view="signed-out" headingId={headingId} shownHeadingRef={shownHeadingRef}>
              {t('profile_signed_out_title')}
            </ScreenTitle>
            <parts.FormError message={t('unauthorized_user')} className={classNames.formError} />
          </div>
        ) : (
          <div {...root}>
            <ProfileNav api={api} />
            <ProfileForm api={api} headingId={headingId} formLabel={formLabel} shownHeadingRef={shownHeadingRef} />
          </div>
        )}
      </PoliciesContext.Provider>
    </ScreenSetContext.Provider>
  )
}
