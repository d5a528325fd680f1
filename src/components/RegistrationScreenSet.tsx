import { useRegistrationScreenSet, type UseRegistrationScreenSetOptions } from '../react/useRegistrationScreenSet'
import { RegistrationScreens } from './RegistrationScreens'
import { ScreenSetGuard } from './ScreenSetGuard'
import { ScreenSetFrame, splitLook, type ScreenSetLookProps } from './ScreenSetFrame'

export interface RegistrationScreenSetProps extends UseRegistrationScreenSetOptions, ScreenSetLookProps {}

/**
 * SAP Customer Data Cloud's `Default-RegistrationLogin` screen-set as a React component: fields and
 * validation from the site schema and policies, register → complete-registration → verification or
 * success, login with forgot / reset password and a required password change, lite-account
 * progression, with every server error on its field or the form.
 */
export function RegistrationScreenSet(props: RegistrationScreenSetProps) {
  return (
    <ScreenSetGuard screenset="registration" screen={props.startScreen ?? 'register'} props={props}>
      <GuardedRegistrationScreenSet {...props} />
    </ScreenSetGuard>
  )
}

function GuardedRegistrationScreenSet(props: RegistrationScreenSetProps) {
  const [look, options] = splitLook(props)
  const api = useRegistrationScreenSet(options)
  return (
    <ScreenSetFrame screenset="registration" api={api} look={look} events={options}>
      {(frame) => <RegistrationScreens api={api} frame={frame} />}
    </ScreenSetFrame>
  )
}
