import type { enFailures } from './enFailures'
import type { enFlows } from './enFlows'
import type { enLite } from './enLite'
import type { enProfile } from './enProfile'
import type { enRegistration } from './enRegistration'

/**
 * English messages, keyed by the ids of SAP's Web SDK where it has one (so `customLang` objects
 * written for screen-sets work here too), and by our own ids for what it lacks.
 */
export const en = {
  this_field_is_required: 'This field is required',
  this_checkbox_must_be_checked: 'Please check this box to continue',
  email_already_exists: 'This email is already registered',
  passwords_do_not_match: 'Passwords do not match',
  password_does_not_meet_complexity_requirements: 'Password does not meet complexity requirements',
  password_must_contain_at_least: 'Password must contain at least',
  num_of_the_following_groups:
    '%num of the following: an uppercase letter, a lowercase letter, a number, a special symbol',
  num_characters_total: '%num characters total',
  invalid_fieldname: 'Invalid %fieldname',
  not_a_number: '%fieldname must be a number',
  email_address_is_invalid: 'Email address is invalid',
  there_are_errors_in_your_form_please_try_again: 'There are errors in your form, please try again',
  network_error: 'We could not reach the server. Check your connection and try again.',
  general_error: 'An error has occurred. Please try again later.',
  captcha_required: 'Please solve the CAPTCHA',
  captcha_unavailable: 'The CAPTCHA could not be loaded',
  captcha_image_alt: 'CAPTCHA image: type the characters you see',
  captcha_text_label: 'Type the characters in the image',
  captcha_new_challenge: 'New challenge',
  // A form's accessible name when another form of the page has the same: "Stay in touch (2)".
  form_name_numbered: '%name (%num)',
  show_password: 'Show password',
  hide_password: 'Hide password',
  loading: 'Loading…',
  schema_load_error: 'The sign-up form could not be loaded.',
  retry: 'Try again',
  // Labels of the fields every site has, keyed by binding path. The English ones are what the schema
  // code derives on its own, so that an English page reads the same with or without this catalog.
  email: 'Email',
  password: 'Password',
  passwordRetype: 'Confirm password',
  username: 'Username',
  loginID: 'Email or username',
  'profile.email': 'Email',
  'profile.firstName': 'First name',
  'profile.lastName': 'Last name',
  'profile.zip': 'ZIP code',
  'profile.country': 'Country',
  'profile.city': 'City',
  'profile.gender': 'Gender',
  'profile.birthYear': 'Birth year',
  secretQuestion: 'Security question',
  secretAnswer: 'Security answer',
  captcha: 'CAPTCHA',
  'profile.nickname': 'Nickname',
  'profile.state': 'State',
  'profile.address': 'Address',
  'profile.birthMonth': 'Birth month',
  'profile.birthDay': 'Birth day',
  'profile.phones': 'Phone number',
  // The options of the gender field, and the label of a consent whose id is `tos`, whatever its path.
  gender_female: 'Female',
  gender_male: 'Male',
  gender_unspecified: 'Prefer not to say',
  terms_of_service: 'Terms of service',
} as const

/**
 * A message id: ours and the Web SDK's. `en` holds what every form needs; the English of one
 * screen-set (`enRegistration`, `enLite`, `enProfile`), of the screens that load on demand (`enFlows`)
 * and of failed calls (`enFailures`) comes with the code that shows it.
 */
export type MessageId =
  | keyof typeof en
  | keyof typeof enRegistration
  | keyof typeof enLite
  | keyof typeof enFlows
  | keyof typeof enFailures
  | keyof typeof enProfile

/** The messages of one language; a message it lacks is shown in English. */
export type Catalog = Partial<Readonly<Record<MessageId, string>>>
