import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { useForm, type FieldValues } from 'react-hook-form'
import { isAccountsError, type AccountsClient, type SetAccountInfoResponse, type SubscriptionsInput } from '../accounts'
import { classifyError } from '../flows'
import type { CustomLang, Translator } from '../i18n'
import { deriveFields, toZod, type FieldSpec } from '../schema'
import { useAccounts } from './AccountsProvider'
import { localizeField, type Labels } from './labels'
import { schemaResolver } from './schemaResolver'
import { reportError, type ScreenSetEvents } from './screenSetEvents'
import { useSetAccountInfo } from './useAccountsMutation'
import { useInitRegistration } from './useInitRegistration'
import { useSiteSchema, type SiteSchemaOptions } from './useSiteSchema'
import { useValidationMessages } from './useValidationMessages'
import { validateForSubmit } from './validateForSubmit'
import { invalidFormMessage, showFormMessage, type ShownFormError } from './shownFormError'

export type LiteLayout = 'inline' | 'stacked'

export interface UseLiteSubscribeOptions extends ScreenSetEvents, Omit<SiteSchemaOptions, 'client'> {
  /** Subscription ids to offer, in order (default: every subscription of the schema). */
  subscriptions?: readonly string[]
  /** Extra fields to ask for (binding names, e.g. `profile.firstName`); the email is always there. */
  fields?: readonly string[]
  /** Tags stored with each subscription, by subscription id (campaign, page). */
  tags?: Readonly<Record<string, readonly string[]>>
  /** `inline` (email and button on one line, no checkboxes) or `stacked` (default). */
  layout?: LiteLayout
  regSource?: string
  lang?: string
  customLang?: CustomLang
  /** Labels by field name (`profile.email`, `subscriptions.newsletter.email.isSubscribed`). */
  labels?: Labels
  client?: AccountsClient
}

/** What the thank-you screen says. */
export type LiteOutcome = 'subscribed' | 'pending-confirmation' | 'updated'

const isSubscription = (field: FieldSpec) => field.section === 'subscriptions'
const subscriptionId = (field: FieldSpec) => field.name.split('.')[1] as string

/**
 * The newsletter widget without markup: SAP's lite registration (`initRegistration({ isLite })` →
 * `setAccountInfo({ regToken, profile: { email }, subscriptions })`), subscribe → thank-you.
 */
export function useLiteSubscribe(options: UseLiteSubscribeOptions = {}) {
  const { client, t, catalogReady } = useAccounts({
    ...(options.client ? { client: options.client } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.customLang ? { customLang: options.customLang } : {}),
  })
  const site = useSiteSchema({
    client,
    ...(options.initialSchema ? { initialSchema: options.initialSchema } : {}),
    ...(options.initialPolicies ? { initialPolicies: options.initialPolicies } : {}),
  })
  const token = useInitRegistration({ client, lite: true })
  const setAccountInfo = useSetAccountInfo({ client, lang: t.lang })
  const events = useRef<ScreenSetEvents>(options)
  useEffect(() => {
    events.current = options
  })

  const { subscriptions: offered, fields: extraNames, labels, layout = 'stacked' } = options
  const allFields = useMemo<FieldSpec[]>(() => {
    if (!site.schema) return []
    const base = deriveFields(site.schema, site.policies, {
      screen: 'lite',
      ...(offered ? { subscriptions: offered } : {}),
    })
    // Lite accounts do not enforce the schema's required fields: extras are optional here.
    const extras = extraNames?.length
      ? deriveFields(site.schema, site.policies, { screen: 'lite', fields: extraNames }).map((field) => ({
          ...field,
          required: false,
        }))
      : []
    const names = new Set(base.map((field) => field.name))
    return [...base, ...extras.filter((field) => !names.has(field.name))].map((field) =>
      localizeField(field, labels, t),
    )
  }, [site.schema, site.policies, offered, extraNames, labels, t])

  // One subscription, or the inline layout: the button itself subscribes, no checkbox to tick.
  const implicitSubscriptions = layout === 'inline' || allFields.filter(isSubscription).length <= 1
  const fields = useMemo(
    () => (implicitSubscriptions ? allFields.filter((field) => !isSubscription(field)) : allFields),
    [allFields, implicitSubscriptions],
  )
  const subscriptionFields = useMemo(() => allFields.filter(isSubscription), [allFields])

  const messages = useValidationMessages(t)
  const resolver = useMemo(
    () => schemaResolver<FieldValues>(toZod(fields, site.policies, messages)),
    [fields, site.policies, messages],
  )
  const form = useForm<FieldValues>({ mode: 'onTouched', resolver, shouldUnregister: false })

  const [screen, setScreen] = useState<'subscribe' | 'thank-you'>('subscribe')
  const [outcome, setOutcome] = useState<LiteOutcome | null>(null)
  const [formError, setFormError] = useState<ShownFormError | null>(null)
  const [pending, setPending] = useState(false)
  const inFlight = useRef(false)
  const finished = useRef(false)

  useEffect(() => {
    if (site.schema) events.current.onAfterScreenLoad?.({ currentScreen: screen })
  }, [screen, site.schema])
  useEffect(
    () => () => {
      if (!finished.current) events.current.onHide?.({ reason: 'canceled' })
    },
    [],
  )

  const renderedNames = useMemo(() => new Set(fields.map((field) => field.name)), [fields])
  const labelOf = useCallback((name: string) => fields.find((field) => field.name === name)?.label ?? name, [fields])

  /** The subscriptions to write: the ticked ones (never unsubscribes), or all offered when implicit. */
  const subscriptionsFor = useCallback(
    (model: Record<string, unknown>): SubscriptionsInput => {
      const ticked = (model.subscriptions ?? {}) as Record<string, { email?: { isSubscribed?: boolean } }>
      const chosen = implicitSubscriptions
        ? subscriptionFields.map(subscriptionId)
        : Object.keys(ticked).filter((id) => ticked[id]?.email?.isSubscribed === true)
      return Object.fromEntries(
        chosen.map((id) => {
          const tags = options.tags?.[id]
          return [id, { email: { isSubscribed: true, ...(tags ? { tags: [...tags] } : {}) } }]
        }),
      )
    },
    [implicitSubscriptions, subscriptionFields, options.tags],
  )

  const showFailure = useCallback(
    (error: unknown) => {
      reportError(events.current, 'subscribe', error)
      const result = classifyError(error, renderedNames)
      if (result.kind === 'fields') {
        result.fields.forEach((field, index) =>
          form.setError(
            field.name,
            { type: 'server', message: t(field.messageId, { fieldname: labelOf(field.name) }, field.fallback) },
            { shouldFocus: index === 0 },
          ),
        )
        setFormError(result.form ? showFormMessage(result.form, t) : null)
      } else if (result.kind === 'form') {
        setFormError(showFormMessage(result.form, t))
      } else {
        setFormError({ messageId: 'general_error', errorCode: 500001, retryable: true, text: t('general_error') })
      }
    },
    [form, labelOf, renderedNames, t],
  )

  const onSubmit = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault()
      if (inFlight.current) return
      inFlight.current = true
      setPending(true)
      try {
        const check = await validateForSubmit(form, fields, events.current, 'subscribe', () =>
          setFormError(invalidFormMessage(t)),
        )
        if (!check.ok) return
        const subscriptions = subscriptionsFor(check.model)
        if (subscriptionFields.length > 0 && Object.keys(subscriptions).length === 0) {
          setFormError({
            messageId: 'choose_a_subscription',
            errorCode: 400009,
            retryable: false,
            text: t('choose_a_subscription'),
          })
          return
        }
        setFormError(null)
        const { profile, data, preferences } = check.model as { profile?: object; data?: object; preferences?: object }
        const send = (regToken: string) =>
          setAccountInfo.run({
            regToken,
            ...(profile ? { profile } : {}),
            ...(data ? { data } : {}),
            ...(preferences ? { preferences } : {}),
            subscriptions,
            ...(options.regSource === undefined ? {} : { regSource: options.regSource }),
          } as Parameters<typeof setAccountInfo.run>[0])
        let response: SetAccountInfoResponse
        try {
          response = await send(await token.ensure())
        } catch (error) {
          if (!isAccountsError(error) || !error.isRegTokenInvalid) throw error
          response = await send(await token.renew())
        }
        events.current.onAfterSubmit?.({ screen: 'subscribe', response })
        const doubleOptIn = Object.keys(subscriptions).some(
          (id) => site.schema?.subscriptionsSchema?.fields[id]?.email?.doubleOptIn === true,
        )
        // Confirming by email matters most; otherwise say whether this address was new or updated.
        setOutcome(doubleOptIn ? 'pending-confirmation' : response.newUser === false ? 'updated' : 'subscribed')
        if (events.current.onBeforeScreenLoad?.({ currentScreen: 'subscribe', nextScreen: 'thank-you' }) !== false) {
          finished.current = true
          setScreen('thank-you')
          events.current.onHide?.({ reason: 'finished' })
        }
      } catch (error) {
        showFailure(error)
      } finally {
        inFlight.current = false
        setPending(false)
      }
    },
    [
      fields,
      form,
      options.regSource,
      setAccountInfo,
      showFailure,
      site.schema,
      subscriptionFields.length,
      subscriptionsFor,
      t,
      token,
    ],
  )

  const subscribeAgain = useCallback(() => {
    form.reset()
    setOutcome(null)
    setFormError(null)
    setScreen('subscribe')
  }, [form])

  return {
    status:
      site.schema && site.policies && catalogReady
        ? ('ready' as const)
        : site.error
          ? ('error' as const)
          : ('loading' as const),
    retryLoad: site.refetch,
    screen,
    layout,
    fields,
    /** The subscriptions the button subscribes to when no checkbox is shown. */
    implicitSubscriptions: implicitSubscriptions ? subscriptionFields : [],
    form,
    onSubmit,
    isSubmitting: pending,
    formError,
    outcome,
    /** Fetches the lite token on the first interaction, so the submit is one request. */
    activate: token.prefetch,
    subscribeAgain,
    policies: site.policies,
    t: t as Translator,
  }
}

export type LiteSubscribeApi = ReturnType<typeof useLiteSubscribe>
