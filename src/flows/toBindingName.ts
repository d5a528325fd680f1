/**
 * Server field names → our input names. The server names a consent by its schema path
 * (`preferences.terms.tos`) and a subscription by its id; inputs bind to the leaf values.
 */
export function toBindingName(fieldName: string): string {
  if (/^preferences\./.test(fieldName) && !fieldName.endsWith('.isConsentGranted'))
    return `${fieldName}.isConsentGranted`
  if (/^subscriptions\.[^.]+$/.test(fieldName)) return `${fieldName}.email.isSubscribed`
  if (/^subscriptions\.[^.]+\.email$/.test(fieldName)) return `${fieldName}.isSubscribed`
  // What the user typed for a text CAPTCHA is the answer to the CAPTCHA control.
  if (fieldName === 'captchaText') return 'captcha'
  return fieldName
}
