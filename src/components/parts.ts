import type {
  ButtonHTMLAttributes,
  ComponentType,
  InputHTMLAttributes,
  ReactNode,
  Ref,
  RefCallback,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react'
import type { Translator } from '../i18n'
import type { CaptchaBinding } from '../react/useCaptcha'
import type { FieldSpec } from '../schema'

/** What an input part receives: the field, and props to spread on its element (`ref` included). */
export interface InputPartProps<E extends HTMLElement, A> {
  field: FieldSpec
  invalid: boolean
  inputProps: A & { ref: Ref<E> }
}

export type TextInputProps = InputPartProps<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>
export type CheckboxProps = InputPartProps<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>
export type TextareaProps = InputPartProps<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>
export type SelectProps = InputPartProps<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>> & {
  /** The empty choice's text (a select starts with no value). */
  placeholder: string
}

export interface FieldWrapperProps {
  field: FieldSpec
  invalid: boolean
  className?: string | undefined
  children: ReactNode
}

export interface FieldErrorProps {
  id: string
  field: FieldSpec
  message: string
  className?: string | undefined
}

export interface FormErrorProps {
  message: string
  className?: string | undefined
  /** Extra actions (retry, log in instead). */
  children?: ReactNode
}

export interface SubmitButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  pending: boolean
}

export interface ScreenHeadingProps {
  id: string
  className?: string | undefined
  children: ReactNode
}

/**
 * What the CAPTCHA part receives: the provider to render, and the screen-set's side of the submit
 * (put a `CaptchaHandle` in `handle` with `useImperativeHandle`: `solve` gives each submit its
 * solution, `reset` a fresh challenge after a failed one; `setMessage` puts a message on the control).
 */
export interface CaptchaProps extends CaptchaBinding {
  field: FieldSpec
  invalid: boolean
  /**
   * For the element that takes the answer (the text input, or the widget's container): its `id`,
   * the ARIA wiring to the message, and a `ref` the screen-set moves focus to after a failed submit.
   */
  controlProps: {
    id: string
    ref: RefCallback<HTMLElement>
    'aria-invalid': 'true' | undefined
    'aria-describedby': string | undefined
  }
  /** The screen-set's messages (`captcha_text_label`, …); its language is `t.lang`. */
  t: Translator
}

/** Every part a host may replace with its own (a design system's inputs, say); behaviour and ARIA stay ours. */
export interface ScreenSetComponents {
  TextInput: ComponentType<TextInputProps>
  Textarea: ComponentType<TextareaProps>
  Checkbox: ComponentType<CheckboxProps>
  Select: ComponentType<SelectProps>
  FieldWrapper: ComponentType<FieldWrapperProps>
  FieldError: ComponentType<FieldErrorProps>
  FormError: ComponentType<FormErrorProps>
  SubmitButton: ComponentType<SubmitButtonProps>
  ScreenHeading: ComponentType<ScreenHeadingProps>
  /** The CAPTCHA, where the site asks for one; ours loads on demand (only on such sites). */
  Captcha: ComponentType<CaptchaProps>
}

/** Class names for each part, for hosts that style with classes (Tailwind, CSS modules). */
export interface ScreenSetClassNames {
  root?: string
  form?: string
  heading?: string
  description?: string
  field?: string
  label?: string
  input?: string
  checkbox?: string
  fieldError?: string
  formError?: string
  submit?: string
  link?: string
  passwordStrength?: string
}
