import { lazy } from 'react'
import type * as Parts from './parts'

function TextInput({ inputProps }: Parts.TextInputProps) {
  return <input {...inputProps} />
}

function Textarea({ inputProps }: Parts.TextareaProps) {
  return <textarea {...inputProps} />
}

function Checkbox({ inputProps }: Parts.CheckboxProps) {
  return <input {...inputProps} type="checkbox" />
}

function Select({ inputProps, field, placeholder }: Parts.SelectProps) {
  return (
    <select {...inputProps}>
      <option value="">{placeholder}</option>
      {field.options?.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  )
}

function FieldWrapper({ field, invalid, className, children }: Parts.FieldWrapperProps) {
  return (
    <div data-field={field.name} data-kind={field.kind} data-invalid={invalid ? '' : undefined} className={className}>
      {children}
    </div>
  )
}

function FieldError({ id, message, className }: Parts.FieldErrorProps) {
  return (
    <p id={id} data-field-error="" className={className}>
      {message}
    </p>
  )
}

function FormError({ message, className, children }: Parts.FormErrorProps) {
  return (
    <div role="alert" data-form-error="" className={className}>
      <p>{message}</p>
      {children}
    </div>
  )
}

function SubmitButton({ pending, children, ...buttonProps }: Parts.SubmitButtonProps) {
  return (
    <button
      {...buttonProps}
      type="submit"
      aria-busy={pending ? 'true' : undefined}
      data-pending={pending ? '' : undefined}
    >
      {children}
    </button>
  )
}

function ScreenHeading({ id, className, children }: Parts.ScreenHeadingProps) {
  return (
    <h2 id={id} tabIndex={-1} data-screen-heading="" className={className}>
      {children}
    </h2>
  )
}

export const defaultParts: Parts.ScreenSetComponents = {
  TextInput,
  Textarea,
  Checkbox,
  Select,
  FieldWrapper,
  FieldError,
  FormError,
  SubmitButton,
  ScreenHeading,
  // Loaded in the render that first shows a CAPTCHA: only sites that ask for one (or a login that needs
  // one) pay for it, and nothing knows earlier that one is needed.
  Captcha: lazy(() => import('./Captcha')),
}
