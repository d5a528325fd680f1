import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react'
import type { AccountsMethod } from '../accounts'
import {
  createProfileMachine,
  initialProfileState,
  PROFILE_SCREENS,
  type ProfileEvent,
  type ProfileScreen,
  type ProfileState,
} from '../flows/profileMachine'
import { addEnglish, type MessageId, type Translator } from '../i18n'
import { enFlows } from '../i18n/enFlows'
import { enLite } from '../i18n/enLite'
import { enProfile } from '../i18n/enProfile'
import { enRegistration } from '../i18n/enRegistration'
import { failureSupport, preloadFailureSupport, type FailureSupport } from './failureSupport'
import { availableProfileScreens, profileFields } from './profileFields'
import type { ProfileScreenSetApi, UseProfileScreenSetOptions } from './profileOptions'
import { screenDescription, withAccountState } from './profileScreenText'
import { accountFormValues, changedModel } from './profileValues'
import { accountsKeys } from './queryKeys'
import type { ResendState } from './screenSetApi'
import { reportError } from './screenSetEvents'
import type { ShownFormError } from './shownFormError'
import { useAccount } from './useAccount'
import { useFlow, type FlowRunner } from './useFlow'
import { CODE_RESEND_DELAY_MS } from './useResend'
import { useScreenForm } from './useScreenForm'
import { mayShow, useScreenSetSetup } from './useScreenSetSetup'
import { useStableFields } from './useStableFields'

// The English of these screens comes with them: their own, the password and code screens' and the
// strength meter's (every other language's catalog has them).
addEnglish(enRegistration)
addEnglish(enFlows)
addEnglish(enLite)
addEnglish(enProfile)

export type { ProfileScreenSetApi, UseProfileScreenSetOptions } from './profileOptions'

/** What the profile screens read of the account. */
const PROFILE_INCLUDE = 'profile,data,subscriptions,preferences,loginIDs'

/** The screens whose save writes only what the user changed (the others send what they ask for). */
const SAVES_CHANGES: ReadonlySet<ProfileScreen> = new Set(['update-profile', 'communication', 'privacy'])

/** The inputs whose values must not stay in the form once their screen is left or saved. */
const TRANSIENT_INPUTS = ['password', 'newPassword', 'passwordRetype', 'code', 'email'] as const

const SAVED_MESSAGES: Record<ProfileScreen, MessageId> = {
  'update-profile': 'profile_saved',
  communication: 'profile_saved',
  privacy: 'profile_saved',
  'change-password': 'password_saved',
  'change-email': 'email_saved',
}

/**
 * The profile screen-set without markup: SAP's `Default-ProfileUpdate` for the signed-in user
 * (`useAccount`): update-profile, change-password, communication, privacy and change-email, each
 * saved with the session (`setAccountInfo`, or `otp.sendCode` + `otp.update` for a new email).
 */
export function useProfileScreenSet(options: UseProfileScreenSetOptions = {}): ProfileScreenSetApi {
  const { accounts, site, eventsRef, ready: siteReady, load } = useScreenSetSetup(options)
  const { client, t } = accounts
  const queryClient = useQueryClient()
  const account = useAccount({ client, include: PROFILE_INCLUDE })
  const machine = useMemo(() => createProfileMachine(), [])
  const flow = useFlow(machine, () => initialProfileState(options.screen ?? options.startScreen), {
    client,
    lang: t.lang,
    accept: (current, next) => {
      if (!mayShow(eventsRef.current, current.screen, next.screen)) return false
      if (next.screen !== current.screen) {
        screenForm.clearMessages()
        for (const name of TRANSIENT_INPUTS) form.setValue(name, '')
      }
      return true
    },
    onCallFailed: (error) => reportError(eventsRef.current, flow.current().screen, error),
  })
  const { state } = flow
  const { screen } = state
  const { schema, policies } = site
  const { fields: picked, labels } = options
  const derived = useMemo(
    () => profileFields({ schema, policies }, screen, state.code !== undefined, { fields: picked, labels, t }),
    [schema, policies, screen, state.code, picked, labels, t],
  )
  const fields = useStableFields(
    useMemo(() => withAccountState(derived, account.data, schema, t), [derived, account.data, schema, t]),
  )
  // Every input the account fills, whichever screen shows it, so switching screens loses nothing typed.
  const accountFields = useMemo(
    () =>
      (['update-profile', 'communication', 'privacy'] as const).flatMap((name) =>
        profileFields({ schema, policies }, name, false, { fields: picked, t }),
      ),
    [schema, policies, picked, t],
  )
  const ready = siteReady && account.data !== undefined
  const hasFieldListener = options.onFieldChanged !== undefined
  const screenForm = useScreenForm({ screen, fields, policies, t, eventsRef, ready, hasFieldListener })
  const { form, setFormError, showOutcome, setFocusRequest, submit } = screenForm

  useEffect(() => {
    // What the user typed stays; only untouched inputs follow the account (after a save, or elsewhere).
    if (account.data)
      form.reset(accountFormValues(account.data, accountFields, schema), {
        keepDirtyValues: true,
        keepErrors: true,
        keepTouched: true,
        keepIsSubmitted: true,
        keepSubmitCount: true,
      })
  }, [account.data, accountFields, schema, form])

  const { screen: controlled, onScreenChange } = options
  useEffect(() => {
    if (controlled !== undefined && controlled !== flow.current().screen)
      void flow.send({ type: 'go', screen: controlled })
  }, [controlled]) // eslint-disable-line react-hooks/exhaustive-deps -- the host's screen, when it changes

  const showFailure = useCallback(
    (support: FailureSupport | ShownFormError, error: unknown, method: AccountsMethod) => {
      if (!('classifyError' in support)) return setFormError(support)
      const outcome = support.classifyError(error, new Set(fields.map((field) => field.name)), method)
      showOutcome(outcome, (name) => fields.find((field) => field.name === name)?.label ?? name)
    },
    [fields, setFormError, showOutcome],
  )

  /** After a save: what was saved is no longer a change, and no password or code stays in the form. */
  const settle = useCallback(() => {
    const values = form.getValues()
    for (const name of TRANSIENT_INPUTS) values[name] = ''
    form.reset(values)
    void queryClient.invalidateQueries({ queryKey: accountsKeys.account(client) })
  }, [client, form, queryClient])

  const send = useCallback(
    async (model: Record<string, unknown>) => {
      const from = flow.current()
      const values = SAVES_CHANGES.has(from.screen)
        ? changedModel(model, fields, form.getValues(), form.formState.defaultValues)
        : model
      const support = failureSupport(t)
      const result = await flow.send({ type: 'submit', values, at: Date.now() })
      if (result.kind === 'done') {
        eventsRef.current.onAfterSubmit?.({ screen: from.screen, response: result.response })
        if (flow.current().saved) settle()
        // The code input replaces the address: focus follows, as the heading stays.
        else if (flow.current().code) setFocusRequest({ name: 'code' })
      } else if (result.kind === 'failed') {
        showFailure(await support, result.error, result.method)
      }
    },
    [eventsRef, fields, flow, form, setFocusRequest, settle, showFailure, t],
  )
  const onSubmit = useCallback((event?: FormEvent) => submit(event, send), [send, submit])

  const goTo = useCallback(
    (next: ProfileScreen) => {
      if (controlled !== undefined) return onScreenChange?.(next)
      void flow.send({ type: 'go', screen: next }).then((result) => {
        if (result.kind !== 'cancelled') onScreenChange?.(next)
      })
    },
    [controlled, flow, onScreenChange],
  )
  const changeAddress = useCallback(() => {
    void flow.send({ type: 'change-address' }).then(() => setFocusRequest({ name: 'email' }))
  }, [flow, setFocusRequest])
  const resend = useCodeResend(flow, t)

  const screens = useMemo(
    () => availableProfileScreens({ schema, policies }, options.screens ?? PROFILE_SCREENS),
    [schema, policies, options.screens],
  )
  const accountError = account.data === undefined && account.isError && !account.isFetching
  const status = load.status === 'error' || accountError ? 'error' : ready ? 'ready' : 'loading'
  return {
    status,
    loadError: load.loadError ?? (accountError ? account.error : null),
    retryLoad: () => {
      load.retryLoad()
      if (account.isError) void account.refetch()
    },
    screen,
    screens,
    state,
    account: account.data,
    signedOut: account.data === null || state.signedOut,
    description: screenDescription(state, fields, account.data, schema, t),
    savedMessage: state.saved ? t(SAVED_MESSAGES[state.saved]) : '',
    fields,
    form,
    onSubmit,
    isSubmitting: screenForm.isSubmitting,
    formError: screenForm.formError,
    activate: preloadFailureSupport,
    onFieldBlur: () => undefined,
    goTo,
    changeAddress,
    ...resend,
    policies,
    t,
    customLang: accounts.customLang,
  }
}

/** change-email's "send a new code": the request, what it says, and when another may be asked for. */
function useCodeResend(flow: FlowRunner<ProfileState, ProfileEvent>, t: Translator) {
  const [message, setMessage] = useState<string>()
  const resendVerification = useCallback(async () => {
    const support = failureSupport(t)
    const result = await flow.send({ type: 'resend', at: Date.now() })
    if (result.kind === 'done') return setMessage(t('code_resent'))
    if (result.kind !== 'failed') return
    const loaded = await support
    if (!('classifyError' in loaded)) return setMessage(loaded.text)
    const outcome = loaded.classifyError(result.error, new Set(), result.method)
    setMessage(outcome.kind === 'form' ? t(outcome.form.messageId, {}, outcome.form.fallback) : t('general_error'))
  }, [flow, t])
  const { resend, code } = flow.state
  const resendState: ResendState = {
    status: resend.status,
    ...(message !== undefined && resend.status !== 'idle' ? { message } : {}),
    ...(code ? { availableAt: code.sentAt + CODE_RESEND_DELAY_MS } : {}),
  }
  return { resendVerification, resendState }
}
