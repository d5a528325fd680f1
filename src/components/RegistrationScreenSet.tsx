import { useRegistrationScreenSet, type UseRegistrationScreenSetOptions } from '../react/useRegistrationScreenSet'
import type { ScreenSetClassNames, ScreenSetComponents } from './parts'
import { RegistrationScreens } from './RegistrationScreens'
import { ScreenSetGuard } from './ScreenSetGuard'
import type { ColorScheme } from './screenSetRoot'
import { ScreenSetFrame } from './ScreenSetFrame'

export interface RegistrationScreenSetProps extends UseRegistrationScreenSetOptions {
  /** Replace any part with your own component; behaviour and ARIA wiring stay ours. */
  components?: Partial<ScreenSetComponents>
  /** Drop our default look (`data-unstyled` on the root; `styles.css` then leaves it alone). */
  unstyled?: boolean
  /** `light` (default), `dark`, or `auto` (follows prefers-color-scheme). */
  colorScheme?: ColorScheme
  className?: string
  classNames?: ScreenSetClassNames
  /**
   * The form's accessible name on every screen with a form, as screen readers list it among the
   * page's landmarks. By default the screen's heading, numbered from the second form of the same
   * name on the page: "Create your account (2)".
   */
  formLabel?: string
}

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

function GuardedRegistrationScreenSet({
  components,
  unstyled = false,
  colorScheme,
  className,
  classNames = {},
  formLabel,
  ...options
}: RegistrationScreenSetProps) {
  const api = useRegistrationScreenSet(options)
  const look = { unstyled, colorScheme, className, classNames }
  return (
    <ScreenSetFrame screenset="registration" api={api} look={look} events={options}>
      {(rootProps) => (
        <RegistrationScreens
          api={api}
          components={components}
          classNames={classNames}
          rootProps={rootProps}
          formLabel={formLabel}
        />
      )}
    </ScreenSetFrame>
  )
}
