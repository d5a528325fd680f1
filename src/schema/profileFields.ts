import type { FieldOption, FieldSpec } from './types'

export const EMAIL_TRAITS: Partial<FieldSpec> = { kind: 'email', autoComplete: 'email', inputMode: 'email' }

const GENDER_OPTIONS: FieldOption[] = [
  { value: 'f', label: 'Female', labelKey: 'gender_female' },
  { value: 'm', label: 'Male', labelKey: 'gender_male' },
  { value: 'u', label: 'Prefer not to say', labelKey: 'gender_unspecified' },
]

/** Reserved profile fields whose meaning the browser knows: better autofill, keyboards and labels. */
export const PROFILE_FIELDS = new Map<string, Partial<FieldSpec>>([
  ['email', EMAIL_TRAITS],
  ['firstName', { autoComplete: 'given-name' }],
  ['lastName', { autoComplete: 'family-name' }],
  ['nickname', { autoComplete: 'nickname' }],
  ['zip', { label: 'ZIP code', autoComplete: 'postal-code' }],
  ['country', { autoComplete: 'country-name' }],
  ['city', { autoComplete: 'address-level2' }],
  ['state', { autoComplete: 'address-level1' }],
  ['address', { autoComplete: 'street-address' }],
  ['birthYear', { autoComplete: 'bday-year' }],
  ['birthMonth', { autoComplete: 'bday-month' }],
  ['birthDay', { autoComplete: 'bday-day' }],
  ['phones', { label: 'Phone number', autoComplete: 'tel', inputMode: 'tel' }],
  ['gender', { kind: 'select', options: GENDER_OPTIONS }],
])
