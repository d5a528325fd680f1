export { RegistrationScreenSet } from './RegistrationScreenSet'
export type { RegistrationScreenSetProps } from './RegistrationScreenSet'
export { LiteSubscribe } from './LiteSubscribe'
export type { LiteSubscribeProps } from './LiteSubscribe'
export { SchemaField } from './SchemaField'
export type { SchemaFieldProps } from './SchemaField'
export { PasswordStrength } from './PasswordStrength'
export type { ColorScheme } from './screenSetRoot'
export type { ScreenSetLookProps } from './ScreenSetFrame'
export type {
  CaptchaProps,
  CheckboxProps,
  FieldErrorProps,
  FieldWrapperProps,
  FormErrorProps,
  ScreenHeadingProps,
  ScreenSetClassNames,
  ScreenSetComponents,
  SelectProps,
  SubmitButtonProps,
  TextareaProps,
  TextInputProps,
} from './parts'
export { ProfileScreenSet } from './ProfileScreenSet'
export type { ProfileScreenSetProps } from './ProfileScreenSet'
