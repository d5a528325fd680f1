import { get, type FieldValues, type UseFormReturn } from 'react-hook-form'
import type { FieldSpec } from '../schema'
import { flattenFormData, splitSecrets, type ScreenName, type ScreenSetEvents } from './screenSetEvents'
import { toApiValues } from '../schema'

export type SubmitCheck =
  { ok: false } | { ok: true; values: FieldValues; model: Record<string, unknown>; secrets: Record<string, unknown> }

/**
 * The screen-set's submit pipeline up to the request: `onBeforeValidation` (the host's own
 * messages), validation of every field (focus on the first invalid one), `onAfterValidation`,
 * `onBeforeSubmit` (may cancel), and `onSubmit` with the editable request model (no secrets).
 * Returns the model and the secrets to send, or `ok: false` when the submit stops here.
 */
export async function validateForSubmit(
  form: UseFormReturn<FieldValues>,
  fields: readonly FieldSpec[],
  events: ScreenSetEvents,
  screen: ScreenName,
  onInvalid: () => void,
): Promise<SubmitCheck> {
  const values = form.getValues()
  const formData = flattenFormData(values)
  const custom = (await events.onBeforeValidation?.({ screen, formData })) ?? {}
  // handleSubmit (not trigger) so the form counts as submitted: from then on every field
  // re-validates as the user types, and the first invalid field gets focus.
  let valid = false
  await form.handleSubmit(
    () => {
      valid = true
    },
    () => undefined,
  )()
  const customEntries = Object.entries(custom).filter(([, message]) => typeof message === 'string' && message !== '')
  customEntries.forEach(([name, message], index) =>
    form.setError(name, { type: 'custom', message }, { shouldFocus: valid && index === 0 }),
  )
  const validationErrors = Object.fromEntries(
    fields.flatMap((field) => {
      const error = get(form.formState.errors, field.name) as { message?: string } | undefined
      return error?.message ? [[field.name, error.message]] : []
    }),
  )
  events.onAfterValidation?.({
    screen,
    formData,
    validationErrors: { ...validationErrors, ...Object.fromEntries(customEntries) },
  })
  if (!valid || customEntries.length > 0) {
    onInvalid()
    return { ok: false }
  }
  if (events.onBeforeSubmit?.({ screen, formData }) === false) return { ok: false }
  const { model, secrets } = splitSecrets(toApiValues(fields, values))
  events.onSubmit?.({ screen, formModel: model })
  return { ok: true, values, model, secrets }
}
