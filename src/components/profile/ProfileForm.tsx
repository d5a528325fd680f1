import type { ProfileScreen } from '../../flows/profileMachine'
import type { MessageId } from '../../i18n'
import type { ProfileScreenSetApi } from '../../react/profileOptions'
import { useScreenSet } from '../ScreenSetContext'
import { CodeResend } from '../screens/CodeResend'
import { ScreenForm } from '../screens/ScreenForm'
import { ScreenLink } from '../screens/ScreenLink'
import type { ScreenProps } from '../screens/screenProps'

const TITLES: Record<ProfileScreen, MessageId> = {
  'update-profile': 'update_profile_title',
  'change-password': 'change_password_title',
  communication: 'communication_title',
  privacy: 'privacy_title',
  'change-email': 'change_email_title',
}

const SUBMITS: Record<ProfileScreen, MessageId> = {
  'update-profile': 'submit_save',
  'change-password': 'submit_password_change',
  communication: 'submit_save',
  privacy: 'submit_save',
  'change-email': 'submit_send_code',
}

/**
 * The current profile screen: its form, and after its submit button the status that says a save
 * went through (`role="status"`, always in the page so it is announced). change-email's second step
 * asks for the emailed code, with "send a new code" and the way back to the address.
 */
export function ProfileForm({ api, ...screenProps }: Omit<ScreenProps, 'api'> & { api: ProfileScreenSetApi }) {
  const { t } = useScreenSet('ProfileForm')
  const { screen } = api
  const codeStep = screen === 'change-email' && api.state.code !== undefined
  const { fields, form, formError, onSubmit, activate, isSubmitting } = api
  return (
    <ScreenForm
      {...screenProps}
      api={{ screen, fields, form, formError, onSubmit, activate, isSubmitting }}
      title={TITLES[screen]}
      description={api.description === '' ? undefined : api.description}
      submit={codeStep ? 'submit_code' : SUBMITS[screen]}
      strengthFor={screen === 'change-password' ? 'newPassword' : undefined}
    >
      {codeStep && (
        <>
          <CodeResend api={api} />
          <ScreenLink onClick={api.changeAddress}>{t('use_another_email')}</ScreenLink>
        </>
      )}
      <p role="status" data-saved="">
        {api.savedMessage}
      </p>
    </ScreenForm>
  )
}
