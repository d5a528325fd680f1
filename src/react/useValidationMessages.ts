import { useMemo } from 'react'
import type { Translator } from '../i18n'
import type { ValidationMessages } from '../schema'

/** The schema validator's messages, in the screen-set's language (`customLang` included). */
export function useValidationMessages(t: Translator): ValidationMessages {
  return useMemo<ValidationMessages>(
    () => ({
      required: () => t('this_field_is_required'),
      invalid: (field) => t('invalid_fieldname', { fieldname: field.label }),
      mustBeChecked: () => t('this_checkbox_must_be_checked'),
      invalidEmail: () => t('email_address_is_invalid'),
      passwordsDoNotMatch: () => t('passwords_do_not_match'),
      passwordRule: (rule) =>
        rule.id === 'regExp'
          ? t(rule.messageId, rule.params)
          : `${t('password_must_contain_at_least')} ${t(rule.messageId, rule.params)}`,
      notANumber: (field) => t('not_a_number', { fieldname: field.label }),
    }),
    [t],
  )
}
