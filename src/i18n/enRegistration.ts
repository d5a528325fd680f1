/**
 * The English messages of the registration screen-set's first screens (register, complete
 * registration, login, success, lite progression) and of the password strength meter: registered by
 * `useRegistrationScreenSet`'s module, so a page with only the newsletter form does not carry them.
 * Every other language's catalog holds them like any message.
 */
export const enRegistration = {
  log_in_instead: 'Log in instead',
  register_instead: 'Create an account',
  too_weak: 'Too weak',
  weak: 'Weak',
  fair: 'Fair',
  strong: 'Strong',
  very_strong: 'Very strong',
  password_strength: 'Password strength',
  submit_register: 'Create account',
  submit_complete_registration: 'Continue',
  submit_login: 'Log in',
  register_title: 'Create your account',
  complete_registration_title: 'Almost done',
  complete_registration_description: 'We need a few more details to finish your registration.',
  verification_resent: 'We sent the email again.',
  success_title: 'You are registered',
  success_description: 'Your account is ready.',
  login_title: 'Log in',
  forgot_password_link: 'Forgot password?',
  lite_progression_title: 'Complete your account',
  lite_progression_description:
    'You already receive our emails at %email. Choose a password to create your account; your subscriptions stay as they are.',
  submit_lite_progression: 'Create account',
  screen_loading: 'Loading the next step…',
} as const
