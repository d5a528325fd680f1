import { useProfileScreenSet, type UseProfileScreenSetOptions } from '../react/useProfileScreenSet'
import { ProfileScreens } from './profile/ProfileScreens'
import { ScreenSetGuard } from './ScreenSetGuard'
import { ScreenSetFrame, splitLook, type ScreenSetLookProps } from './ScreenSetFrame'

export interface ProfileScreenSetProps extends UseProfileScreenSetOptions, ScreenSetLookProps {}

/**
 * SAP Customer Data Cloud's `Default-ProfileUpdate` screen-set as a React component, for the signed-in
 * user: their profile, password, subscriptions, consents and email address, each a screen of its own
 * behind one navigation, with every server error on its field or the form.
 */
export function ProfileScreenSet(props: ProfileScreenSetProps) {
  return (
    <ScreenSetGuard screenset="profile" screen={props.screen ?? props.startScreen ?? 'update-profile'} props={props}>
      <GuardedProfileScreenSet {...props} />
    </ScreenSetGuard>
  )
}

function GuardedProfileScreenSet(props: ProfileScreenSetProps) {
  const [look, options] = splitLook(props)
  const api = useProfileScreenSet(options)
  return (
    <ScreenSetFrame screenset="profile" api={api} look={look} events={options}>
      {(frame) => <ProfileScreens api={api} frame={frame} />}
    </ScreenSetFrame>
  )
}
