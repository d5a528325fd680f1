import { useEffect } from 'react'
import { addEnglish } from '../../i18n'
import { enFlows } from '../../i18n/enFlows'
import { useScreenSet } from '../ScreenSetContext'
import { InfoScreen } from './InfoScreen'
import { ScreenForm } from './ScreenForm'
import { ScreenLink } from './ScreenLink'
import type { ScreenProps } from './screenProps'

// The English texts of these screens come with them (every other language's catalog has them).
addEnglish(enFlows)

/**
 * The password screens, loaded on demand (FLOWS.md §3, §4): forgot-password (with the security
 * question when the account must answer one) and its "check your inbox", reset-password (the
 * emailed link) and its success, and the change a login may require.
 */
export default function PasswordScreens(props: ScreenProps) {
  const { parts, classNames, t } = useScreenSet('PasswordScreens')
  const { api } = props
  const backToLogin = <ScreenLink onClick={() => api.goTo('login')}>{t('back_to_login')}</ScreenLink>
  const security = api.screen === 'forgot-password' ? api.state.security : undefined
  const asked = security !== undefined
  const { setFocus } = api.form
  useEffect(() => {
    // The screen stays, so its heading keeps still: focus goes to the input the question labels, which
    // a screen reader announces by that question.
    if (asked) setFocus('secretAnswer')
  }, [asked, setFocus])

  switch (api.screen) {
    case 'forgot-password':
      if (security) {
        // The account answers its security question (400050) and sets the new password at once. The
        // question (server text, rendered as text) is the visible label of its answer.
        const fields = api.fields.map((field) =>
          field.name === 'secretAnswer' ? { ...field, label: security.question } : field,
        )
        return (
          <ScreenForm
            {...props}
            api={{ ...api, fields }}
            title="forgot_password_title"
            description={t('forgot_password_security_description')}
            submit="submit_reset_password"
            strengthFor="newPassword"
          >
            {backToLogin}
          </ScreenForm>
        )
      }
      return (
        <ScreenForm
          {...props}
          title="forgot_password_title"
          description={t('forgot_password_description')}
          submit="submit_forgot_password"
        >
          {backToLogin}
        </ScreenForm>
      )
    case 'forgot-password-success':
      return (
        <InfoScreen
          {...props}
          title="forgot_password_success_title"
          description={t('forgot_password_success_description')}
        >
          {backToLogin}
        </InfoScreen>
      )
    case 'reset-password':
      // An expired, used or unknown link: nothing to type, only the way to a new link.
      if (api.state.reset?.invalid) {
        return (
          <InfoScreen {...props} title="reset_password_title" view="reset-password:invalid">
            <parts.FormError message={t('invalid_password_reset_token')} className={classNames.formError}>
              <button type="button" onClick={() => api.goTo('forgot-password')} className={classNames.link}>
                {t('send_new_link')}
              </button>
            </parts.FormError>
          </InfoScreen>
        )
      }
      return (
        <ScreenForm {...props} title="reset_password_title" submit="submit_reset_password" strengthFor="newPassword" />
      )
    case 'reset-password-success':
      return (
        <InfoScreen
          {...props}
          title="reset_password_success_title"
          description={t('reset_password_success_description')}
        >
          <ScreenLink onClick={() => api.goTo('login')}>{t('submit_login')}</ScreenLink>
        </InfoScreen>
      )
    default:
      return (
        <ScreenForm
          {...props}
          title="password_change_required_title"
          description={t('password_change_required_description')}
          submit="submit_password_change"
          strengthFor="newPassword"
        />
      )
  }
}
