import type { PasswordRule } from './passwordRules'
import type { ValidationMessages } from './toZod'

const CHARACTER_GROUPS = 'an uppercase letter, a lowercase letter, a number, a special symbol'

/** English texts in the Web SDK's wording, for callers without a message catalog (tests, headless use). */
export const defaultValidationMessages: ValidationMessages = {
  required: () => 'This field is required',
  invalid: (field) => `Invalid ${field.label}`,
  mustBeChecked: () => 'Please check this box to continue',
  invalidEmail: () => 'Email address is invalid',
  passwordsDoNotMatch: () => 'Passwords do not match',
  passwordRule: (rule: PasswordRule) => {
    switch (rule.id) {
      case 'minLength':
        return `Password must contain at least ${rule.params['num']} characters total`
      case 'minCharGroups':
        return `Password must contain at least ${rule.params['num']} of the following: ${CHARACTER_GROUPS}`
      case 'regExp':
        return 'Password does not meet complexity requirements'
    }
  },
  notANumber: (field) => `Invalid ${field.label}`,
}
