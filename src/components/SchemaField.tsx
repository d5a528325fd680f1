import { memo, Suspense, useState, type FocusEvent, type ReactNode } from 'react'
import { get, useFormState, type Control, type FieldValues, type UseFormRegister } from 'react-hook-form'
import type { FieldSpec } from '../schema'
import { fieldElementId, useScreenSet } from './ScreenSetContext'

export interface SchemaFieldProps {
  field: FieldSpec
  register: UseFormRegister<FieldValues>
  control: Control<FieldValues>
  /** Show the strength meter and rule checklist of this field's value (a password being chosen). */
  withStrength?: boolean
}

function movesToOwnButton(event: FocusEvent<HTMLElement>): boolean {
  const next = event.relatedTarget
  return (
    next instanceof HTMLButtonElement && next.form !== null && next.form === (event.target as HTMLInputElement).form
  )
}

const inputTypes: Partial<Record<FieldSpec['kind'], string>> = {
  email: 'email',
  password: 'password',
  date: 'date',
  number: 'text',
}

/**
 * One field of the schema: label, input, error, ARIA wiring. It subscribes to its own error only,
 * so a keystroke elsewhere never re-renders it, and it is memoized, so a field whose spec did not
 * change does not render again with its form (see `useStableFields`).
 */
export const SchemaField = memo(function SchemaField({
  field,
  register,
  control,
  withStrength = false,
}: SchemaFieldProps) {
  const { idPrefix, parts, classNames, t, onFieldBlur, captcha, StrengthMeter } = useScreenSet('SchemaField')
  const { errors } = useFormState({ control, name: field.name })
  const error = get(errors, field.name) as { message?: string } | undefined
  const invalid = error !== undefined
  const [revealed, setRevealed] = useState(false)
  const inputId = fieldElementId(idPrefix, field.name)
  const errorId = fieldElementId(idPrefix, field.name, '-error')
  const descriptionId = fieldElementId(idPrefix, field.name, '-description')
  const strengthId = fieldElementId(idPrefix, field.name, '-strength')
  const describedBy = [
    invalid ? errorId : undefined,
    field.description && field.kind !== 'checkbox' ? descriptionId : undefined,
    withStrength && StrengthMeter ? strengthId : undefined,
  ]
    .filter(Boolean)
    .join(' ')

  const registration = register(field.name)
  const common = {
    ...registration,
    // Validating on blur when focus moves to one of our buttons would insert an error message
    // above the button between mouse-down and mouse-up, and the click would miss it. The button's
    // own action validates anyway.
    onBlur: async (event: FocusEvent<HTMLElement>) => {
      if (movesToOwnButton(event)) return
      await registration.onBlur(event)
      onFieldBlur?.(field.name)
    },
    id: inputId,
    'aria-required': field.required || field.mustBeTrue ? ('true' as const) : undefined,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  }
  const label = (
    <label htmlFor={inputId} className={classNames.label}>
      {field.label}
      {(field.required || field.mustBeTrue) && (
        <span data-required="" aria-hidden="true">
          {' *'}
        </span>
      )}
    </label>
  )

  let body: ReactNode
  if (field.kind === 'captcha') {
    body = captcha && (
      <Suspense>
        <parts.Captcha
          {...captcha}
          field={field}
          invalid={invalid}
          t={t}
          controlProps={{
            id: inputId,
            // react-hook-form gets only a way to focus the control, so it never reads or writes the
            // CAPTCHA's own inputs (a widget's hidden token field, the typed word) as a form value.
            ref: (element) => registration.ref(element && { focus: () => element.focus() }),
            'aria-invalid': common['aria-invalid'],
            'aria-describedby': common['aria-describedby'],
          }}
        />
      </Suspense>
    )
  } else if (field.kind === 'checkbox') {
    body = (
      <>
        <parts.Checkbox field={field} invalid={invalid} inputProps={{ ...common, className: classNames.checkbox }} />
        {label}
      </>
    )
  } else if (field.kind === 'textarea') {
    body = (
      <>
        {label}
        <parts.Textarea
          field={field}
          invalid={invalid}
          inputProps={{ ...common, className: classNames.input, rows: 4 }}
        />
      </>
    )
  } else if (field.kind === 'select') {
    body = (
      <>
        {label}
        <parts.Select
          field={field}
          invalid={invalid}
          placeholder="—"
          inputProps={{ ...common, className: classNames.input, autoComplete: field.autoComplete }}
        />
      </>
    )
  } else {
    const type = field.kind === 'password' && revealed ? 'text' : (inputTypes[field.kind] ?? 'text')
    body = (
      <>
        {label}
        <span data-input-row="">
          <parts.TextInput
            field={field}
            invalid={invalid}
            inputProps={{
              ...common,
              type,
              className: classNames.input,
              autoComplete: field.autoComplete,
              inputMode: field.inputMode,
              spellCheck: field.kind === 'email' || field.kind === 'password' ? false : undefined,
              autoCapitalize: field.kind === 'email' || field.kind === 'password' ? 'off' : undefined,
            }}
          />
          {field.kind === 'password' && (
            <button
              type="button"
              data-reveal=""
              aria-controls={inputId}
              aria-pressed={revealed}
              onClick={() => setRevealed((shown) => !shown)}
            >
              {t(revealed ? 'hide_password' : 'show_password')}
            </button>
          )}
        </span>
      </>
    )
  }

  return (
    <parts.FieldWrapper field={field} invalid={invalid} className={classNames.field}>
      {body}
      {field.description && field.kind !== 'checkbox' && (
        <p id={descriptionId} data-field-description="">
          {field.description}
        </p>
      )}
      {withStrength && StrengthMeter && <StrengthMeter control={control} id={strengthId} name={field.name} />}
      {invalid && (
        <parts.FieldError id={errorId} field={field} message={error.message ?? ''} className={classNames.fieldError} />
      )}
    </parts.FieldWrapper>
  )
})
