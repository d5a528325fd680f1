import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type FormEvent } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { get, useForm, type FieldValues } from 'react-hook-form'
import {
  isAccountsError,
  type AccountInclude,
  type AccountResponse,
  type AccountsClient,
  type CommaList,
  type RegisterParams,
} from '../accounts'
import type { CaptchaProvider } from '../captcha/types'
import {
  classifyError,
  fieldsToAdd,
  initialRegistrationState,
  registrationReducer,
  type RegistrationEvent,
} from '../flows'
import type { CustomLang, Translator } from '../i18n'
import { deriveFields, toZod, type FieldSpec } from '../schema'
import { useAccounts } from './AccountsProvider'
import { localizeField, type Labels } from './labels'
import { accountsKeys } from './queryKeys'
import { reportError, type ScreenName, type ScreenSetEvents } from './screenSetEvents'
import { validateForSubmit } from './validateForSubmit'
import { invalidFormMessage, showFormMessage, type ShownFormError } from './shownFormError'
import { schemaResolver } from './schemaResolver'
import {
  useFinalizeRegistration,
  useLogin,
  useRegister,
  useResendVerificationCode,
  useSetAccountInfo,
} from './useAccountsMutation'
import { useCaptcha } from './useCaptcha'
import { useInitRegistration } from './useInitRegistration'
import { useSiteSchema, type SiteSchemaOptions } from './useSiteSchema'
import { useValidationMessages } from './useValidationMessages'

// Focus lands in the commit that renders a field a failure added; on the server, where nothing has focus,
// a plain effect spares React 18's useLayoutEffect warning.
const useFocusEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/** Inputs whose values never reach an event handler. */
const SECRET_NAMES = new Set(['password', 'passwordRetype', 'secretAnswer'])

const SCREEN_SET_INCLUDE: readonly AccountInclude[] = [
  'profile',
  'data',
  'emails',
  'loginIDs',
  'subscriptions',
  'preferences',
]

export interface UseRegistrationScreenSetOptions extends ScreenSetEvents, Omit<SiteSchemaOptions, 'client'> {
  /** Which fields the register screen shows, in order (binding names); default: what the schema requires. */
  fields?: readonly string[]
  startScreen?: 'register' | 'login'
  /** Finish the registration in the register call when nothing is missing (screen-sets do). Default true. */
  finalizeRegistration?: boolean
  include?: CommaList<AccountInclude>
  /** Where the registration came from (stored on the account); the page URL by default at SAP. */
  regSource?: string
  lang?: string
  customLang?: CustomLang
  /** Labels by field name, over the schema's and the catalog's. */
  labels?: Labels
  /**
   * Ask `accounts.isAvailableLoginID` when the user leaves the email field, and say at once if the
   * address is taken (off by default: sites that prevent login-ID harvesting refuse the call).
   */
  checkLoginIdAvailability?: boolean
  /**
   * The CAPTCHA the user solves when the site asks for one (`registration.requireCaptcha`, or a login
   * after failed attempts): a vendor's adapter, or your own provider. Default: the `AccountsProvider`'s,
   * else SAP's text CAPTCHA. Create it once (module scope or `useMemo`): a new one renders it anew.
   */
  captcha?: CaptchaProvider
  client?: AccountsClient
}

export interface ResendState {
  status: 'idle' | 'sending' | 'sent' | 'failed'
  message?: string
}

/** The registration screen-set without markup: what `<RegistrationScreenSet>` renders from. */
export function useRegistrationScreenSet(options: UseRegistrationScreenSetOptions = {}) {
  const {
    client,
    t,
    customLang,
    catalogReady,
    captcha: defaultCaptcha,
  } = useAccounts({
    ...(options.client ? { client: options.client } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.customLang ? { customLang: options.customLang } : {}),
  })
  const site = useSiteSchema({
    client,
    ...(options.initialSchema ? { initialSchema: options.initialSchema } : {}),
    ...(options.initialPolicies ? { initialPolicies: options.initialPolicies } : {}),
  })
  const [state, dispatch] = useReducer(registrationReducer, options.startScreen ?? 'register', initialRegistrationState)
  const token = useInitRegistration({ client })
  const register = useRegister({ client, lang: t.lang })
  const finalize = useFinalizeRegistration({ client, lang: t.lang })
  const setAccountInfo = useSetAccountInfo({ client, lang: t.lang })
  const login = useLogin({ client, lang: t.lang })
  const resend = useResendVerificationCode({ client, lang: t.lang })
  const events = useRef<ScreenSetEvents>(options)
  useEffect(() => {
    events.current = options
  })

  const { fields: pickedFields, labels } = options
  /** The current screen's fields, with `extra` ones a server answer named. */
  const fieldsWith = useCallback(
    (extra: readonly string[]): FieldSpec[] => {
      if (!site.schema) return []
      if (state.screen === 'verification-pending' || state.screen === 'success') return []
      const derived = deriveFields(site.schema, site.policies, {
        screen: state.screen,
        ...(state.screen === 'register' && pickedFields ? { fields: pickedFields } : {}),
        ...(state.screen === 'complete-registration' ? { missing: state.missing } : {}),
        extra,
      })
      return derived.map((field) => localizeField(field, labels, t))
    },
    [site.schema, site.policies, state.screen, state.missing, pickedFields, labels, t],
  )
  const fields = useMemo(() => fieldsWith(state.extra), [fieldsWith, state.extra])

  const messages = useValidationMessages(t)
  const zodSchema = useMemo(() => toZod(fields, site.policies, messages), [fields, site.policies, messages])
  // react-hook-form takes its options anew on every render, so the screen's resolver is always current.
  const resolver = useMemo(() => schemaResolver<FieldValues>(zodSchema), [zodSchema])
  const form = useForm<FieldValues>({ mode: 'onTouched', resolver, shouldUnregister: false })
  const captcha = useCaptcha(form, client, options.captcha ?? defaultCaptcha)

  const [formError, setFormError] = useState<ShownFormError | null>(null)
  const [pending, setPending] = useState(false)
  const inFlight = useRef(false)
  const [conflictEmail, setConflictEmail] = useState<string | null>(null)
  // Set with the fields a failure adds, so it waits for them; a new object asks again for the same field.
  const [focusRequest, setFocusRequest] = useState<{ name: string } | null>(null)
  useFocusEffect(() => {
    if (focusRequest) form.setFocus(focusRequest.name)
  }, [focusRequest, form])
  const [resendState, setResendState] = useState<ResendState>({ status: 'idle' })
  const finished = useRef(false)

  const changeScreen = useCallback(
    (event: RegistrationEvent, nextScreen: ScreenName): boolean => {
      if (events.current.onBeforeScreenLoad?.({ currentScreen: state.screen, nextScreen }) === false) return false
      form.clearErrors()
      setFormError(null)
      setConflictEmail(null)
      setResendState({ status: 'idle' })
      dispatch(event)
      return true
    },
    [form, state.screen],
  )

  useEffect(() => {
    if (site.schema) events.current.onAfterScreenLoad?.({ currentScreen: state.screen })
  }, [state.screen, site.schema])

  useEffect(
    () => () => {
      if (!finished.current) events.current.onHide?.({ reason: 'canceled' })
    },
    [],
  )

  const hasFieldListener = options.onFieldChanged !== undefined
  useEffect(() => {
    if (!hasFieldListener) return
    return form.subscribe({
      formState: { values: true },
      callback: ({ values, name, type }) => {
        if (type !== 'change' || name === undefined || SECRET_NAMES.has(name)) return
        const { error } = form.getFieldState(name)
        events.current.onFieldChanged?.({
          screen: state.screen,
          field: name,
          value: get(values, name),
          isValid: error === undefined,
          ...(error?.message ? { errMsg: error.message } : {}),
        })
      },
    })
  }, [form, hasFieldListener, state.screen])

  const renderedNames = useMemo(() => new Set(fields.map((field) => field.name)), [fields])

  const showFailure = useCallback(
    (error: unknown) => {
      reportError(events.current, state.screen, error)
      const next = fieldsWith([...state.extra, ...fieldsToAdd(error, renderedNames)])
      const shown = next.filter((field) => !renderedNames.has(field.name)).map((field) => field.name)
      if (shown.length > 0) dispatch({ type: 'show-fields', names: shown })
      const outcome = classifyError(error, new Set(next.map((field) => field.name)))
      switch (outcome.kind) {
        case 'pending-registration':
          changeScreen(
            { type: 'pending-registration', regToken: outcome.regToken, missing: outcome.missing },
            'complete-registration',
          )
          return
        case 'pending-verification':
          changeScreen(
            {
              type: 'pending-verification',
              regToken: outcome.regToken,
              emails: outcome.emails,
              ...(outcome.UID ? { UID: outcome.UID } : {}),
            },
            'verification-pending',
          )
          return
        case 'identity-conflict': {
          // The link-account screen (FLOWS.md §6) is not built yet: until it is, an identity conflict
          // that reaches this form shows like a taken email, on its field with "Log in instead".
          const { field } = outcome
          form.setError(field.name, { type: 'server', message: t(field.messageId, {}, field.fallback) })
          setFocusRequest({ name: field.name })
          setConflictEmail(String(form.getValues(field.name) ?? ''))
          return
        }
        case 'token-rejected':
          setFormError({ messageId: 'general_error', errorCode: 400006, retryable: true, text: t('general_error') })
          return
        case 'fields': {
          for (const { name, messageId, fallback } of outcome.fields) {
            const fieldname = next.find((spec) => spec.name === name)?.label ?? name
            form.setError(name, { type: 'server', message: t(messageId, { fieldname }, fallback) })
          }
          if (outcome.fields[0]) setFocusRequest({ name: outcome.fields[0].name })
          const { takenLoginID } = outcome
          setConflictEmail(takenLoginID ? String(form.getValues(takenLoginID) ?? '') : null)
          setFormError(outcome.form ? showFormMessage(outcome.form, t) : null)
          return
        }
        case 'form':
          setFormError(showFormMessage(outcome.form, t))
      }
    },
    [changeScreen, fieldsWith, form, renderedNames, state.extra, state.screen, t],
  )

  const succeed = useCallback(
    (account: AccountResponse) => {
      token.discard()
      finished.current = true
      form.reset()
      if (changeScreen({ type: 'registered', account }, 'success')) events.current.onHide?.({ reason: 'finished' })
    },
    [changeScreen, form, token],
  )

  const include = options.include ?? SCREEN_SET_INCLUDE
  const { finalizeRegistration: finalizeInRegister = true, regSource } = options

  /** Sends the current screen's request; the regToken is renewed once if the server refuses it. */
  const send = useCallback(
    async (params: Record<string, unknown>): Promise<AccountResponse> => {
      if (state.screen === 'login') {
        return login.run({ ...(params as { loginID: string; password: string }), include })
      }
      if (state.screen === 'complete-registration') {
        const regToken = state.pendingToken ?? ''
        const { profile, data, subscriptions, preferences } = params as Partial<RegisterParams>
        if (profile || data || subscriptions || preferences) {
          await setAccountInfo.run({
            regToken,
            ...(profile ? { profile } : {}),
            ...(data ? { data } : {}),
            ...(subscriptions ? { subscriptions } : {}),
            ...(preferences ? { preferences } : {}),
          })
        }
        return finalize.run({ regToken, include })
      }
      const attempt = async (regToken: string) =>
        register.run({
          ...(params as Omit<RegisterParams, 'regToken'>),
          regToken,
          finalizeRegistration: finalizeInRegister,
          include,
          ...(regSource === undefined ? {} : { regSource }),
        } as RegisterParams)
      try {
        return await attempt(await token.ensure())
      } catch (error) {
        if (!isAccountsError(error) || !error.isRegTokenInvalid) throw error
        return attempt(await token.renew())
      }
    },
    [
      finalize,
      finalizeInRegister,
      include,
      login,
      regSource,
      register,
      setAccountInfo,
      state.pendingToken,
      state.screen,
      token,
    ],
  )

  const onSubmit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault()
      if (inFlight.current) return
      inFlight.current = true
      setPending(true)
      try {
        const screen = state.screen
        const check = await validateForSubmit(form, fields, events.current, screen, () =>
          setFormError(invalidFormMessage(t)),
        )
        if (!check.ok) return
        // Without a CAPTCHA on screen (or before its part has loaded) there is nothing to add.
        const solution = captcha.handle.current ? await captcha.handle.current.solve() : {}
        if (!solution) return
        setFormError(null)
        setConflictEmail(null)
        const { model, secrets } = check
        const response = await send({ ...model, ...secrets, ...solution })
        events.current.onAfterSubmit?.({ screen, response })
        succeed(response)
      } catch (error) {
        if (isAccountsError(error) && (error.isPendingRegistration || error.isPendingVerification)) token.discard()
        captcha.handle.current?.reset()
        showFailure(error)
      } finally {
        inFlight.current = false
        setPending(false)
      }
    },
    [captcha, fields, form, send, showFailure, state.screen, succeed, t, token],
  )

  const queryClient = useQueryClient()
  const { checkLoginIdAvailability = false } = options
  /** Called by the fields on blur; checks an email's availability once per address (cached). */
  const onFieldBlur = useCallback(
    async (name: string) => {
      if (!checkLoginIdAvailability || name !== 'email' || state.screen !== 'register') return
      const email = String(form.getValues('email') ?? '').trim()
      if (email === '' || form.getFieldState('email').invalid) return
      try {
        const { isAvailable } = await queryClient.fetchQuery({
          queryKey: accountsKeys.loginIdAvailability(client, email),
          queryFn: ({ signal }) => client.isAvailableLoginID({ loginID: email }, { signal }),
          staleTime: 30_000,
        })
        if (!isAvailable && form.getValues('email') === email) {
          form.setError('email', { type: 'availability', message: t('email_already_exists') })
        }
      } catch {
        // Only a hint: if the check fails, the submit still tells the truth.
      }
    },
    [checkLoginIdAvailability, client, form, queryClient, state.screen, t],
  )

  const activate = useCallback(() => {
    if (state.screen === 'register') token.prefetch()
  }, [state.screen, token])

  const goTo = useCallback(
    (screen: 'register' | 'login') => {
      const email = conflictEmail
      if (changeScreen({ type: 'go', screen }, screen) && screen === 'login' && email) form.setValue('loginID', email)
    },
    [changeScreen, conflictEmail, form],
  )

  const resendVerification = useCallback(async () => {
    if (!state.pendingToken || resendState.status === 'sending') return
    setResendState({ status: 'sending' })
    try {
      await resend.run({ regToken: state.pendingToken })
      setResendState({ status: 'sent', message: t('verification_resent') })
    } catch (error) {
      const outcome = classifyError(error, new Set())
      const message =
        outcome.kind === 'form' ? t(outcome.form.messageId, {}, outcome.form.fallback) : t('general_error')
      setResendState({ status: 'failed', message })
    }
  }, [resend, resendState.status, state.pendingToken, t])

  return {
    /** `loading` until schema and policies are there; `error` when they could not be loaded. */
    status:
      site.schema && site.policies && catalogReady
        ? ('ready' as const)
        : site.error
          ? ('error' as const)
          : ('loading' as const),
    loadError: site.error,
    retryLoad: site.refetch,
    screen: state.screen,
    state,
    fields,
    form,
    onSubmit,
    isSubmitting: pending,
    formError,
    /** The login ID (email or user name) that is another account's, for a "log in instead" action. */
    conflictEmail,
    activate,
    onFieldBlur,
    goTo,
    resendVerification,
    resendState,
    policies: site.policies,
    /** For the `Captcha` part: the provider, and how the part connects to the submit. */
    captcha,
    t: t as Translator,
    customLang,
  }
}

export type RegistrationScreenSetApi = ReturnType<typeof useRegistrationScreenSet>
