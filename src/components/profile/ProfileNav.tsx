import type { ProfileScreen } from '../../flows/profileMachine'
import type { MessageId } from '../../i18n'
import type { ProfileScreenSetApi } from '../../react/profileOptions'
import { useScreenSet } from '../ScreenSetContext'

const NAV_LABELS: Record<ProfileScreen, MessageId> = {
  'update-profile': 'profile_nav_update_profile',
  'change-password': 'profile_nav_change_password',
  communication: 'profile_nav_communication',
  privacy: 'profile_nav_privacy',
  'change-email': 'profile_nav_change_email',
}

/**
 * The way between the profile screens: a navigation landmark of buttons (a screen changes in place,
 * not the page's URL), the current one marked `aria-current="page"`. Nothing to choose from, no landmark.
 */
export function ProfileNav({ api }: { api: Pick<ProfileScreenSetApi, 'screens' | 'screen' | 'goTo'> }) {
  const { classNames, t } = useScreenSet('ProfileNav')
  if (api.screens.length < 2) return null
  return (
    <nav aria-label={t('profile_nav_label')} data-profile-nav="">
      <ul>
        {api.screens.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              data-nav-screen={screen}
              aria-current={screen === api.screen ? 'page' : undefined}
              onClick={() => api.goTo(screen)}
              className={classNames.link}
            >
              {t(NAV_LABELS[screen])}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
