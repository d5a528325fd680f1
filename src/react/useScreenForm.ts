import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type RefObject,
} from 'react'
import { get, useForm, type FieldValues } from 'react-hook-form'
import type { ErrorOutcome } from '../flows'
import type { Translator } from '../i18n'
import { toZod, type FieldSpec, type SitePolicies } from '../schema'
import { schemaResolver } from './schemaResolver'
import { SECRET_FIELDS } from '../accounts/redact'
import type { ScreenName, ScreenSetEvents } from './screenSetEvents'
import { invalidFormMessage, showFormMessage, type ShownFormError } from './shownFormError'
import type { CaptchaHandle } from './useCaptcha'
import { useValidationMessages } from './useValidationMessages'
import { validateForSubmit } from './validateForSubmit'

// Focus lands in the commit that renders a field a failure added; on the server, where nothing has focus,
// a plain effect spares React 18's useLayoutEffect warning.
const useFocusEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

export interface ScreenFormOptions {
  screen: ScreenName
  fields: readonly FieldSpec[]
  policies: SitePolicies | undefined
  t: Translator
  /** The host's handlers, always the latest. */
  eventsRef: RefObject<ScreenSetEvents>
  /** Whether schema, policies and catalog are there (screen events wait for it). */
  ready: boolean
  /** Whether the host listens to `onFieldChanged` (the form is watched only then). */
  hasFieldListener: boolean
}

/** The API-shaped values of a validated submit: the model, its secrets, and a CAPTCHA's solution. */
export type SubmitValues = Record<string, unknown>

/**
 * The form side every screen-set shares: react-hook-form over the screen's zod schema, the form-level
 * message, focus on the first field in error, the submit pipeline with its events, and the screen
 * events (`onAfterScreenLoad`, `onFieldChanged`, `onHide`).
 */
export function useScreenForm(options: ScreenFormOptions) {
  const { screen, fields, policies, t, eventsRef, ready, hasFieldListener } = options
  const messages = useValidationMessages(t)
  const zodSchema = useMemo(() => toZod(fields, policies, messages), [fields, policies, messages])
  // react-hook-form takes its options anew on every render, so the screen's resolver is always current.
  const resolver = useMemo(() => schemaResolver<FieldValues>(zodSchema), [zodSchema])
  const form = useForm<FieldValues>({ mode: 'onTouched', resolver, shouldUnregister: false })
  const [formError, setFormError] = useState<ShownFormError | null>(null)
  const [isSubmitting, setSubmitting] = useState(false)
  const inFlight = useRef(false)
  const finished = useRef(false)

  // Set with the fields a failure adds, so it waits for them; a new object asks again for the same field.
  const [focusRequest, setFocusRequest] = useState<{ name: string } | null>(null)
  useFocusEffect(() => {
    if (focusRequest) form.setFocus(focusRequest.name)
  }, [focusRequest, form])

  useEffect(() => {
    if (ready) eventsRef.current.onAfterScreenLoad?.({ currentScreen: screen })
  }, [screen, ready, eventsRef])
  useEffect(
    () => () => {
      if (!finished.current) eventsRef.current.onHide?.({ reason: 'canceled' })
    },
    [eventsRef],
  )
  useEffect(() => {
    if (!hasFieldListener) return
    return form.subscribe({
      formState: { values: true },
      callback: ({ values, name, type }) => {
        if (type !== 'change' || name === undefined || SECRET_FIELDS.has(name)) return
        const { error } = form.getFieldState(name)
        eventsRef.current.onFieldChanged?.({
          screen,
          field: name,
          value: get(values, name),
          isValid: error === undefined,
          ...(error?.message ? { errMsg: error.message } : {}),
        })
      },
    })
  }, [form, hasFieldListener, screen, eventsRef])

  /** Puts a classified failure on the screen's fields and form; focus on the first field in error. */
  const showOutcome = useCallback(
    (outcome: ErrorOutcome, labelOf: (name: string) => string) => {
      if (outcome.kind === 'fields') {
        for (const { name, messageId, fallback } of outcome.fields) {
          form.setError(name, { type: 'server', message: t(messageId, { fieldname: labelOf(name) }, fallback) })
        }
        if (outcome.fields[0]) setFocusRequest({ name: outcome.fields[0].name })
        setFormError(outcome.form ? showFormMessage(outcome.form, t) : null)
      } else if (outcome.kind === 'form') {
        setFormError(showFormMessage(outcome.form, t))
      } else {
        setFormError(showFormMessage({ messageId: 'general_error', errorCode: 500001, retryable: true }, t))
      }
    },
    [form, t],
  )

  /**
   * Submits the form: validation and the submit events, the CAPTCHA's solution, then `send` with
   * the API-shaped values. A second submit while one runs does nothing.
   */
  const submit = useCallback(
    async (
      event: FormEvent | undefined,
      send: (values: SubmitValues) => Promise<void>,
      captcha?: RefObject<CaptchaHandle | null>,
    ) => {
      event?.preventDefault()
      if (inFlight.current) return
      inFlight.current = true
      setSubmitting(true)
      try {
        const check = await validateForSubmit(form, fields, eventsRef.current, screen, () =>
          setFormError(invalidFormMessage(t)),
        )
        if (!check.ok) return
        // Without a CAPTCHA on screen (or before its part has loaded) there is nothing to add.
        const solution = captcha?.current ? await captcha.current.solve() : {}
        if (!solution) return
        setFormError(null)
        await send({ ...check.model, ...check.secrets, ...solution })
      } finally {
        inFlight.current = false
        setSubmitting(false)
      }
    },
    [eventsRef, fields, form, screen, t],
  )

  /** Marks the flow finished (no `onHide: canceled` on unmount) and says so. */
  const finish = useCallback(() => {
    finished.current = true
    eventsRef.current.onHide?.({ reason: 'finished' })
  }, [eventsRef])

  /** A fresh screen: no messages of the last one. */
  const clearMessages = useCallback(() => {
    form.clearErrors()
    setFormError(null)
  }, [form])

  return { form, formError, setFormError, isSubmitting, showOutcome, submit, finish, clearMessages, setFocusRequest }
}
