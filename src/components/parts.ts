import type {
  ButtonHTMLAttributes,
  ComponentType,
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react'
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
