/**
 * The English messages of failed calls that only `classifyError` names (taken username, rate limit,
 * CAPTCHA, locked account, …): they travel with the chunk that reads a failed call, which a screen-set
 * loads on the first interaction. With `classifyError` in your own markup, call
 * `addEnglish(enFailures)` once (or translate the ids yourself). Every other language's catalog holds
 * them like any message.
 */
export const enFailures = {
  username_already_exists: 'This username is already taken',
  request_timeout: 'The server took too long to answer. Please try again.',
  rate_limit_exceeded: 'Too many attempts. Please wait a moment and try again.',
  configuration_error: 'Sign-up is not available right now (site configuration error).',
  register_captcha_error: 'Please confirm you are not a robot',
  login_captcha_error: 'The CAPTCHA was not solved, please try again',
  forbidden_error: 'This action is not allowed',
  under_age: 'We are sorry, you cannot register at this time',
  invalid_login_or_password: 'Invalid login or password',
  login_identifier_exists: 'An account with this email already exists',
  account_is_disabled: 'Your account has been disabled',
  account_temporarily_locked_out: 'Your account is temporarily locked. Please try again later.',
} as const
