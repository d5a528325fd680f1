import { useCallback, useEffect, useMemo } from 'react'
import { createRegistrationMachine, initialRegistrationState, isTfaScreen } from '../flows'
import { addEnglish } from '../i18n'
import { enRegistration } from '../i18n/enRegistration'
import { preloadFailureSupport } from './failureSupport'
import { dropPageParam } from './pageUrl'
import { useRegistrationFields } from './registrationFields'
import { registrationOptions, type UseRegistrationScreenSetOptions } from './registrationOptions'
import type { RegistrationScreenSetApi } from './screenSetApi'
import { reportError } from './screenSetEvents'
import { useCaptcha } from './useCaptcha'
import { useFlow } from './useFlow'
import { useInitRegistration } from './useInitRegistration'
import { useLoginIdAvailability } from './useLoginIdAvailability'
import { useRegistrationSubmit } from './useRegistrationSubmit'
import { useResend } from './useResend'
import { useScreenForm } from './useScreenForm'
import { mayShow, useScreenSetSetup } from './useScreenSetSetup'

// The English texts of this screen-set come with it (every other language's catalog has them).
addEnglish(enRegistration)

export type { UseRegistrationScreenSetOptions } from './registrationOptions'

/** The registration screen-set without markup: what `<RegistrationScreenSet>` renders from. */
export function useRegistrationScreenSet(options: UseRegistrationScreenSetOptions = {}): RegistrationScreenSetApi {
  const { accounts, site, eventsRef, ready, load } = useScreenSetSetup(options)
  const { client, t } = accounts
  const machineOptions = registrationOptions(options)
  const { key } = machineOptions
  const machine = useMemo(() => createRegistrationMachine(JSON.parse(key) as typeof machineOptions), [key])
  const registration = useInitRegistration({ client })
  const flow = useFlow(machine, () => initialRegistrationState(machineOptions), {
    client,
    lang: t.lang,
    tokens: { registration },
    accept: (current, next) => {
      if (!mayShow(eventsRef.current, current.screen, next.screen)) return false
      screenForm.clearMessages()
      submitting.clearConflict()
      if (next.screen === 'success') screenForm.form.reset()
      return true
    },
    onCallFailed: (error) => reportError(eventsRef.current, flow.current().screen, error),
  })
  const { state } = flow
  const { screen } = state
  const { policies } = site
  const { fields, fieldsWith } = useRegistrationFields(site, state, { ...options, t })
  const hasFieldListener = options.onFieldChanged !== undefined
  const screenForm = useScreenForm({ screen, fields, policies, t, eventsRef, ready, hasFieldListener })
  const { form } = screenForm
  const captcha = useCaptcha(form, client, options.captcha ?? accounts.captcha)
  const submitting = useRegistrationSubmit({ flow, fields, fieldsWith, screenForm, captcha, eventsRef, t })

  useEffect(() => {
    for (const [name, value] of Object.entries(state.prefill)) if (!form.getValues(name)) form.setValue(name, value)
    // A code is good for one step: never one typed on an earlier screen (206006's, say).
    if (isTfaScreen(screen)) form.setValue('code', '')
    if (screen === 'success') screenForm.finish()
    if (screen === 'reset-password-success') dropPageParam('pwrt')
  }, [screen]) // eslint-disable-line react-hooks/exhaustive-deps -- once per screen

  const resend = useResend(flow, t)
  const availability = Boolean(options.checkLoginIdAvailability) && screen === 'register'
  const onFieldBlur = useLoginIdAvailability(form, client, t, availability)
  const activate = useCallback(() => {
    preloadFailureSupport()
    if (screen === 'register' || (screen === 'lite-progression' && !state.liteToken)) registration.prefetch()
  }, [registration, screen, state.liteToken])

  return {
    ...load,
    screen,
    state,
    fields,
    form,
    onSubmit: submitting.onSubmit,
    isSubmitting: screenForm.isSubmitting,
    formError: screenForm.formError,
    conflictEmail: submitting.conflictEmail,
    activate,
    onFieldBlur: (name) => void onFieldBlur(name),
    goTo: submitting.goTo,
    ...resend,
    chooseAnotherTfaMethod: () => {
      form.setValue('code', '')
      void flow.send({ type: 'choose-another-tfa-method' })
    },
    policies,
    captcha,
    t,
    customLang: accounts.customLang,
  }
}
