import { useCallback, useState, type FormEvent, type RefObject } from 'react'
import type { AccountsMethod } from '../accounts'
import {
  isTfaScreen,
  withoutTfaSecrets,
  type LinkedScreen,
  type RegistrationEvent,
  type RegistrationState,
} from '../flows'
import type { Translator } from '../i18n'
import type { FieldSpec } from '../schema'
import { failureSupport, type FailureSupport } from './failureSupport'
import type { ScreenSetEvents } from './screenSetEvents'
import type { ShownFormError } from './shownFormError'
import type { CaptchaBinding } from './useCaptcha'
import type { FlowRunner } from './useFlow'
import type { useScreenForm } from './useScreenForm'

interface SubmitContext {
  flow: FlowRunner<RegistrationState, RegistrationEvent>
  fields: readonly FieldSpec[]
  fieldsWith: (extra: readonly string[]) => FieldSpec[]
  screenForm: ReturnType<typeof useScreenForm>
  captcha: CaptchaBinding
  eventsRef: RefObject<ScreenSetEvents>
  t: Translator
}

/**
 * The registration screens' submit and links: the machine runs the calls; a failure that keeps the
 * screen shows on it; "log in instead" and the links carry the login ID typed so far.
 */
export function useRegistrationSubmit(context: SubmitContext) {
  const { flow, screenForm, captcha, eventsRef, t } = context
  const [conflictEmail, setConflictEmail] = useState<string | null>(null)
  const showFailure = useFailure({ ...context, setConflictEmail })
  const send = useCallback(
    async (values: Record<string, unknown>) => {
      setConflictEmail(null)
      const from = flow.current().screen
      // Loads beside the call, so a failure's messages are ready when its answer is.
      const support = failureSupport(t)
      // The TFA screens' choices (provider, address, "remember this device") are no API fields: as typed.
      const { provider, emailID, rememberDevice } = screenForm.form.getValues()
      const choices = isTfaScreen(from) ? { provider, emailID, rememberDevice } : {}
      const result = await flow.send({ type: 'submit', values: { ...values, ...choices }, at: Date.now() })
      if (result.kind !== 'done') captcha.handle.current?.reset()
      if (result.kind === 'done')
        eventsRef.current.onAfterSubmit?.({ screen: from, response: withoutTfaSecrets(result.response) })
      if (result.kind === 'failed') showFailure(await support, result.error, result.method)
    },
    [captcha.handle, eventsRef, flow, screenForm.form, showFailure, t],
  )
  const { submit, form } = screenForm
  const onSubmit = useCallback(
    (event?: FormEvent) => submit(event, send, captcha.handle),
    [captcha.handle, send, submit],
  )
  const goTo = useCallback(
    (next: LinkedScreen) => {
      const typed = conflictEmail ?? String(form.getValues('email') ?? form.getValues('loginID') ?? '')
      const prefill: Record<string, string> = next === 'register' || typed === '' ? {} : { loginID: typed }
      void flow.send({ type: 'go', screen: next, prefill })
    },
    [conflictEmail, flow, form],
  )
  return { onSubmit, goTo, conflictEmail, clearConflict: () => setConflictEmail(null) }
}

/**
 * Shows a failed call on the registration screen: adds the inputs the answer names that the screen
 * lacks (keeping what was typed), puts every message on its field in form order, and offers "log
 * in instead" for a login ID that is another account's.
 */
function useFailure(context: SubmitContext & { setConflictEmail: (email: string | null) => void }) {
  const { flow, fields, fieldsWith, screenForm, setConflictEmail, t } = context
  const { form, showOutcome, setFocusRequest, setFormError } = screenForm
  return useCallback(
    (support: FailureSupport | ShownFormError, error: unknown, method: AccountsMethod) => {
      if (!('classifyError' in support)) return setFormError(support)
      const { classifyError, fieldsToAdd } = support
      const rendered = new Set(fields.map((field) => field.name))
      const next = fieldsWith([...flow.current().extra, ...fieldsToAdd(error, rendered)])
      const added = next.filter((field) => !rendered.has(field.name)).map((field) => field.name)
      if (added.length > 0) void flow.send({ type: 'show-fields', names: added })
      const outcome = classifyError(error, new Set(next.map((field) => field.name)), method)
      const labelOf = (name: string) => next.find((field) => field.name === name)?.label ?? name
      if (outcome.kind === 'identity-conflict') {
        // The link-account screen (FLOWS.md §6) is not built yet: until it is, an identity conflict
        // that reaches this form shows like a taken email, on its field with "Log in instead".
        const { field } = outcome
        form.setError(field.name, { type: 'server', message: t(field.messageId, {}, field.fallback) })
        setFocusRequest({ name: field.name })
        setConflictEmail(String(form.getValues(field.name) ?? ''))
        return
      }
      showOutcome(outcome, labelOf)
      const taken = outcome.kind === 'fields' ? outcome.takenLoginID : undefined
      setConflictEmail(taken ? String(form.getValues(taken) ?? '') : null)
    },
    [fields, fieldsWith, flow, form, setConflictEmail, setFocusRequest, setFormError, showOutcome, t],
  )
}
