import { useEffect, useId, useMemo, useRef } from 'react'
import { reportRenderError } from '../react/screenSetEvents'
import {
  useRegistrationScreenSet,
  type RegistrationScreenSetApi,
  type UseRegistrationScreenSetOptions,
} from '../react/useRegistrationScreenSet'
import { defaultParts } from './defaultParts'
import { ErrorBoundary } from './ErrorBoundary'
import type { ScreenSetClassNames, ScreenSetComponents } from './parts'
import { SchemaField } from './SchemaField'
import { ScreenSetGuard } from './ScreenSetGuard'
import { LoadState, rootAttributes, type ColorScheme } from './screenSetRoot'
import { ScreenSetContext, type ScreenSetContextValue } from './ScreenSetContext'
import { useFormName } from './useFormName'

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

const titles = {
  register: 'register_title',
  login: 'login_title',
  'complete-registration': 'complete_registration_title',
  'verification-pending': 'verification_pending_title',
  success: 'success_title',
} as const
/** The screens with a form, and its button. */
const submits = {
  register: 'submit_register',
  login: 'submit_login',
  'complete-registration': 'submit_complete_registration',
} as const

/**
 * SAP Customer Data Cloud's registration screen-set as a React component: fields and validation
 * from the site schema and policies, register → complete-registration → verification-pending or
 * success, plus login, with every server error on its field or the form.
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
  const rootProps = rootAttributes({
    screenset: 'registration',
    screen: api.screen,
    status: api.status,
    unstyled,
    colorScheme,
    lang: api.t.lang,
    className,
    classNames,
  })
  return (
    <ErrorBoundary
      root={rootProps}
      t={api.t}
      className={classNames.formError}
      onError={(error) => reportRenderError(options, api.screen, error)}
    >
      <RegistrationScreens
        api={api}
        components={components}
        classNames={classNames}
        rootProps={rootProps}
        formLabel={formLabel}
      />
    </ErrorBoundary>
  )
}

/** The current screen; below the error boundary, so a render error there keeps the hook's state. */
function RegistrationScreens({
  api,
  components,
  classNames,
  rootProps,
  formLabel,
}: {
  api: RegistrationScreenSetApi
  components: Partial<ScreenSetComponents> | undefined
  classNames: ScreenSetClassNames
  rootProps: ReturnType<typeof rootAttributes>
  formLabel: string | undefined
}) {
  const { t, screen, status, fields, form, formError, isSubmitting, conflictEmail, onFieldBlur } = api
  const idPrefix = `rss${useId().replace(/:/g, '')}`
  const headingId = `${idPrefix}-heading`
  const parts = useMemo(() => ({ ...defaultParts, ...components }), [components])
  const context = useMemo<ScreenSetContextValue>(
    () => ({
      idPrefix,
      parts,
      classNames,
      t,
      passwordComplexity: api.policies?.passwordComplexity,
      onFieldBlur: (name: string) => void onFieldBlur(name),
      captcha: api.captcha,
    }),
    [idPrefix, parts, classNames, t, api.policies, onFieldBlur, api.captcha],
  )
  const title = t(titles[screen])
  const formName = useFormName(
    idPrefix,
    status === 'ready' && screen in submits ? title : undefined,
    formLabel,
    headingId,
    t,
  )

  // Move focus to the new screen's heading when the screen changes (not on the first render).
  const firstScreen = useRef(true)
  useEffect(() => {
    if (status !== 'ready') return
    if (firstScreen.current) {
      firstScreen.current = false
      return
    }
    document.getElementById(headingId)?.focus()
  }, [screen, status, headingId])

  if (status !== 'ready') {
    return (
      <LoadState
        status={status}
        root={rootProps}
        parts={parts}
        classNames={classNames}
        t={t}
        retry={() => void api.retryLoad()}
      />
    )
  }

  const heading = (
    <parts.ScreenHeading id={headingId} className={classNames.heading}>
      {title}
    </parts.ScreenHeading>
  )

  if (screen === 'verification-pending') {
    const email = api.state.verification?.emails[0] ?? ''
    return (
      <ScreenSetContext.Provider value={context}>
        <div {...rootProps}>
          {heading}
          <p className={classNames.description}>{t('verification_pending_description', { email })}</p>
          <button
            type="button"
            onClick={() => void api.resendVerification()}
            disabled={api.resendState.status === 'sending'}
            className={classNames.link}
          >
            {t('resend_verification')}
          </button>
          <p role="status">{api.resendState.message ?? ''}</p>
        </div>
      </ScreenSetContext.Provider>
    )
  }
  if (screen === 'success') {
    return (
      <ScreenSetContext.Provider value={context}>
        <div {...rootProps}>
          {heading}
          <p className={classNames.description}>{t('success_description')}</p>
        </div>
      </ScreenSetContext.Provider>
    )
  }

  return (
    <ScreenSetContext.Provider value={context}>
      <div {...rootProps}>
        <form noValidate {...formName} onSubmit={api.onSubmit} onFocus={api.activate} className={classNames.form}>
          {heading}
          {screen === 'complete-registration' && (
            <p className={classNames.description}>{t('complete_registration_description')}</p>
          )}
          {fields.map((field) => (
            <SchemaField
              key={field.name}
              field={field}
              register={form.register}
              control={form.control}
              withStrength={screen === 'register' && field.name === 'password'}
            />
          ))}
          {formError && <parts.FormError message={formError.text} className={classNames.formError} />}
          {conflictEmail !== null && (
            <p data-conflict="">
              <button type="button" onClick={() => api.goTo('login')} className={classNames.link}>
                {t('log_in_instead')}
              </button>
            </p>
          )}
          <parts.SubmitButton pending={isSubmitting} className={classNames.submit}>
            {t(submits[screen])}
          </parts.SubmitButton>
          {screen !== 'complete-registration' && (
            <p data-switch-screen="">
              <button
                type="button"
                onClick={() => api.goTo(screen === 'register' ? 'login' : 'register')}
                className={classNames.link}
              >
                {t(screen === 'register' ? 'log_in_instead' : 'register_instead')}
              </button>
            </p>
          )}
        </form>
      </div>
    </ScreenSetContext.Provider>
  )
}
