import { useLayoutEffect, useRef } from 'react'
import { tfaStage, type TfaMethod } from '../../flows'
import { addEnglish, type MessageId } from '../../i18n'
import { enFlows } from '../../i18n/enFlows'
import { showFormMessage } from '../../react/shownFormError'
import { useScreenSet } from '../ScreenSetContext'
import { CodeResend } from './CodeResend'
import { InfoScreen } from './InfoScreen'
import { RadioGroup } from './RadioGroup'
import { ScreenForm } from './ScreenForm'
import { ScreenLink } from './ScreenLink'
import type { ScreenProps } from './screenProps'

// The English texts of these screens come with them (every other language's catalog has them).
addEnglish(enFlows)

const PROVIDER_LABELS: Readonly<Record<TfaMethod, MessageId>> = {
  gigyaTotp: 'tfa_provider_totp',
  gigyaEmail: 'tfa_provider_email',
}

/** An image URL that runs nothing: the server's `data:image/…` or `https:` QR code, nothing else. */
const isImageUrl = (url: string | undefined): url is string => url !== undefined && /^(data:image\/|https:)/i.test(url)

/**
 * The two-factor screens, loaded on demand (FLOWS.md §8): tfa-verification (403101: the account has
 * a provider) and tfa-registration (403102: it sets one up). Each shows what its provider needs next:
 * a choice of provider or address, the QR code to scan, the code with "remember this device".
 */
export default function TfaScreens(props: ScreenProps) {
  const { parts, classNames, t } = useScreenSet('TfaScreens')
  const { api } = props
  const tfa = api.state.tfa ?? {}
  const registering = api.screen === 'tfa-registration'
  const title: MessageId = registering ? 'tfa_registration_title' : 'tfa_verification_title'
  // A provider started again says why, unless a later failure has a message of its own.
  const expired = tfa.expired
    ? showFormMessage({ messageId: 'tfa_registration_expired', errorCode: 400006, retryable: true }, t)
    : null
  const form = { ...props, api: { ...api, formError: api.formError ?? expired }, title }
  const stage = tfaStage(api.state)
  // Back to the choice replaces the screen's content, as a screen change does: its heading takes focus.
  const choosingAgain = useRef(false)
  useLayoutEffect(() => {
    if (choosingAgain.current && stage === 'provider') document.getElementById(props.headingId)?.focus()
    choosingAgain.current = false
  }, [stage, props.headingId])
  const anotherMethod = (tfa.providers?.length ?? 0) > 1 && (
    <ScreenLink
      data={{ 'data-another-method': '' }}
      onClick={() => {
        choosingAgain.current = true
        api.chooseAnotherTfaMethod()
      }}
    >
      {t('tfa_another_method')}
    </ScreenLink>
  )

  switch (stage) {
    case 'none':
      return (
        <InfoScreen {...props} title={title}>
          <parts.FormError message={t('tfa_no_method')} className={classNames.formError} />
          {anotherMethod}
        </InfoScreen>
      )
    case 'provider': {
      const options = (tfa.providers ?? []).map((name) => ({ value: name, label: t(PROVIDER_LABELS[name]) }))
      const choice = (
        <RadioGroup
          name="provider"
          legend={t('tfa_choose_method')}
          options={options}
          initial={tfa.previousProvider}
          register={api.form.register}
        />
      )
      return <ScreenForm {...form} beforeFields={choice} submit="tfa_continue" />
    }
    case 'email': {
      const options = (tfa.emails ?? []).map(({ id, obfuscated }) => ({ value: id, label: obfuscated }))
      const choice = (
        <RadioGroup name="emailID" legend={t('tfa_choose_email')} options={options} register={api.form.register} />
      )
      return (
        <ScreenForm {...form} beforeFields={choice} submit="tfa_continue">
          {anotherMethod}
        </ScreenForm>
      )
    }
    case 'code': {
      if (tfa.provider === 'gigyaEmail') {
        const email = tfa.emails?.find(({ id }) => id === tfa.emailID)?.obfuscated ?? ''
        return (
          <ScreenForm {...form} description={t('tfa_email_code_description', { email })} submit="submit_code">
            <CodeResend api={api} />
            {anotherMethod}
          </ScreenForm>
        )
      }
      const qrCode = registering && isImageUrl(tfa.qrCode) && (
        <img src={tfa.qrCode} alt={t('tfa_qr_code_alt')} width={200} height={200} data-qr-code="" />
      )
      const description = t(registering ? 'tfa_totp_register_description' : 'tfa_totp_verify_description')
      return (
        <ScreenForm {...form} description={description} beforeFields={qrCode} submit="submit_code">
          {anotherMethod}
        </ScreenForm>
      )
    }
    default:
      // A call runs (the button is busy), or one failed and the button makes it again.
      return <ScreenForm {...form} submit="tfa_continue" />
  }
}
