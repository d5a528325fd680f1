import { lazy } from 'react'
import type {
  CheckboxProps,
  FieldErrorProps,
  FieldWrapperProps,
  FormErrorProps,
  ScreenHeadingProps,
  ScreenSetComponents,
  SelectProps,
  SubmitButtonProps,
  TextareaProps,
  TextInputProps,
} from './parts'

function TextInput({ inputProps }: TextInputProps) {
  return <input {...inputProps} />
}

function Textarea({ inputProps }: TextareaProps) {
  return <textarea {...inputProps} />
}

function Checkbox({ inputProps }: CheckboxProps) {
  return <input {...inputProps} type="checkbox" />
}

function Select({ inputProps, field, placeholder }: SelectProps) {
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

function FieldWrapper({ field, invalid, className, children }: FieldWrapperProps) {
  return (
    <div data-field={field.name} data-kind={field.kind} data-invalid={invalid ? '' : undefined} className={className}>
      {children}
    </div>
  )
}

function FieldError({ id, message, className }: FieldErrorProps) {
  return (
    <p id={id} data-field-error="" className={className}>
      {message}
    </p>
  )
}

function FormError({ message, className, children }: FormErrorProps) {
  return (
    <div role="alert" data-form-error="" className={className}>
      <p>{message}</p>
      {children}
    </div>
  )
}

function SubmitButton({ pending, children, ...buttonProps }: SubmitButtonProps) {
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

function ScreenHeading({ id, className, children }: ScreenHeadingProps) {
  return (
    <h2 id={id} tabIndex={-1} data-screen-heading="" className={className}>
      {children}
    </h2>
  )
}

export const defaultParts: ScreenSetComponents = {
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
