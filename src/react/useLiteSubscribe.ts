import { useCallback, useMemo, type FormEvent } from 'react'
import { createLiteMachine, initialLiteState } from '../flows'
import { addEnglish } from '../i18n'
import { enLite } from '../i18n/enLite'
import { failureSupport, preloadFailureSupport } from './failureSupport'
import { chosenSubscriptions, liteFields } from './liteFields'
import type { UseLiteSubscribeOptions } from './liteOptions'
import type { LiteSubscribeApi } from './screenSetApi'
import { reportError } from './screenSetEvents'
import { showFormMessage } from './shownFormError'
import { useAccountsClient } from './AccountsProvider'
import { loadLiteExtras } from '../schema/loadLiteExtras'
import { liteExtrasQueryOptions } from './queryOptions'
import { useChunk } from './useChunk'
import { useFlow } from './useFlow'
import { useInitRegistration } from './useInitRegistration'
import { useScreenForm } from './useScreenForm'
import { useStableFields } from './useStableFields'
import { mayShow, useScreenSetSetup } from './useScreenSetSetup'

// The English texts of the newsletter form come with it (every other language's catalog has them).
addEnglish(enLite)

export type { LiteLayout } from './screenSetApi'
export type { UseLiteSubscribeOptions } from './liteOptions'

/**
 * The newsletter widget without markup: SAP's lite registration (`initRegistration({ isLite })` →
 * `setAccountInfo({ regToken, profile: { email }, subscriptions })`), subscribe → thank-you.
 */
export function useLiteSubscribe(options: UseLiteSubscribeOptions = {}): LiteSubscribeApi {
  // Before any query hook: outside a provider, the error then names `AccountsProvider`.
  useAccountsClient(options)
  const extras = useChunk(liteExtrasQueryOptions(), {
    needed: (options.fields?.length ?? 0) > 0,
    preload: () => void loadLiteExtras().catch(() => undefined),
  })
  const { accounts, site, eventsRef, ready, load } = useScreenSetSetup(options, extras)
  const { client, t } = accounts
  const lite = useInitRegistration({ client, lite: true })
  const machine = useMemo(() => createLiteMachine(), [])
  const flow = useFlow(machine, initialLiteState, {
    client,
    lang: t.lang,
    tokens: { registration: lite, lite },
    accept: (current, next) => mayShow(eventsRef.current, current.screen, next.screen),
    onCallFailed: (error) => reportError(eventsRef.current, 'subscribe', error),
  })
  const { subscriptions, fields: extra, labels, layout = 'stacked', tags, regSource } = options
  const {
    fields: derived,
    subscriptionFields,
    implicit,
  } = useMemo(
    () =>
      liteFields(site.schema, site.policies, {
        subscriptions,
        fields: extra,
        labels,
        layout,
        t,
        extras: extras.data?.fieldsOf,
      }),
    [site.schema, site.policies, subscriptions, extra, labels, layout, t, extras.data],
  )
  const fields = useStableFields(derived)
  const screen = flow.state.screen
  const hasFieldListener = options.onFieldChanged !== undefined
  const screenForm = useScreenForm({ screen, fields, policies: site.policies, t, eventsRef, ready, hasFieldListener })
  const { form, setFormError, showOutcome, finish, submit, clearMessages } = screenForm

  const send = useCallback(
    async ({ profile, data, preferences, ...model }: Record<string, unknown>) => {
      const chosen = chosenSubscriptions(model, subscriptionFields, implicit, tags)
      if (subscriptionFields.length > 0 && Object.keys(chosen).length === 0) {
        setFormError(showFormMessage({ messageId: 'choose_a_subscription', errorCode: 400009, retryable: false }, t))
        return
      }
      const doubleOptIn = Object.keys(chosen).some(
        (id) => site.schema?.subscriptionsSchema?.fields[id]?.email?.doubleOptIn === true,
      )
      const values = { profile, data, preferences, subscriptions: chosen, regSource }
      const support = failureSupport(t)
      const result = await flow.send({ type: 'submit', values, doubleOptIn, at: Date.now() })
      if (result.kind === 'done') {
        eventsRef.current.onAfterSubmit?.({ screen: 'subscribe', response: result.response })
        finish()
      } else if (result.kind === 'failed') {
        const loaded = await support
        if (!('classifyError' in loaded)) return setFormError(loaded)
        const outcome = loaded.classifyError(result.error, new Set(fields.map((field) => field.name)), result.method)
        showOutcome(outcome, (name) => fields.find((field) => field.name === name)?.label ?? name)
      }
    },
    [
      eventsRef,
      fields,
      finish,
      flow,
      implicit,
      regSource,
      setFormError,
      showOutcome,
      site.schema,
      subscriptionFields,
      t,
      tags,
    ],
  )
  const onSubmit = useCallback((event?: FormEvent) => submit(event, send), [send, submit])

  const subscribeAgain = useCallback(() => {
    form.reset()
    clearMessages()
    void flow.send({ type: 'again' })
  }, [clearMessages, flow, form])

  return {
    ...load,
    screen,
    layout,
    fields,
    implicitSubscriptions: implicit ? subscriptionFields : [],
    form,
    onSubmit,
    isSubmitting: screenForm.isSubmitting,
    formError: screenForm.formError,
    outcome: flow.state.outcome ?? null,
    /** Fetches the lite token on the first interaction, so the submit is one request. */
    activate: () => {
      lite.prefetch()
      preloadFailureSupport()
    },
    onFieldBlur: () => undefined,
    subscribeAgain,
    policies: site.policies,
    t,
  }
}
