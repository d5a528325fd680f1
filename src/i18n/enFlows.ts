/**
 * The English messages of the screens that load on demand (forgot and reset password, password
 * change, email verification, two-factor authentication): they travel with those screens' chunks, so the first screen's
 * JavaScript does not carry them. Every other language's catalog holds them like any message.
 */
export const enFlows = {
  forgot_password_title: 'Forgot your password?',
  forgot_password_description:
    'Enter the email address of your account and we will send you a link to choose a new password.',
  submit_forgot_password: 'Send the link',
  forgot_password_success_title: 'Check your inbox',
  forgot_password_success_description:
    'We sent a link to choose a new password to the email address of your account. It is valid for one hour.',
  forgot_password_security_description: 'Answer your security question and choose a new password.',
  security_verification_failed: 'The answer to the security question is not right.',
  back_to_login: 'Back to log in',
  reset_password_title: 'Choose a new password',
  submit_reset_password: 'Save the new password',
  reset_password_success_title: 'Your password has been changed',
  reset_password_success_description: 'You can now log in with your new password.',
  invalid_password_reset_token: 'Uh-oh, your link is not valid. Restart the reset password flow to get a new link.',
  send_new_link: 'Send a new link',
  there_is_no_user_with_that_username_or_email: 'There is no user with that username or email',
  old_password_cannot_be_the_same_as_new_password: 'Old password cannot be the same as new password',
  wrong_password: 'The password is incorrect',
  password_change_required_title: 'Mandatory password change',
  password_change_required_description: 'For security reasons your password needs to be changed',
  submit_password_change: 'Change password',
  verification_sent_title: 'We sent you an email',
  verification_sent_description: 'We sent a new verification link to %email. Follow it to activate your account.',
  email_code_verification_title: 'Verify your email',
  email_code_verification_description: 'We sent a code to %email. Enter it below to verify your email address.',
  submit_code: 'Verify',
  resend_code: 'Send a new code',
  resend_code_in: 'You can ask for a new code in %num seconds',
  code_resent: 'We sent a new code.',
  please_enter_a_valid_code: 'Please enter a valid code',
  otp_code_expired: 'Code has expired. Resend a new code.',
  code_frequency_limit_reached:
    'You have requested too many codes. Please wait a few minutes before asking for another.',
  // Labels of the inputs of those screens, keyed by binding name.
  newPassword: 'New password',
  current_password: 'Current password',
  confirm_new_password: 'Confirm new password',
  code: 'Verification code',
  verification_pending_title: 'Check your inbox',
  verification_pending_description: 'We sent a verification link to %email. Follow it to activate your account.',
  resend_verification: 'Resend the email',
  tfa_verification_title: 'Confirm it is you',
  tfa_registration_title: 'Set up two-step verification',
  tfa_choose_method: 'How do you want to get your code?',
  tfa_provider_totp: 'Authenticator app',
  tfa_provider_email: 'Email',
  tfa_choose_email: 'Where should we send the code?',
  tfa_continue: 'Continue',
  tfa_totp_register_description:
    'Scan this QR code with an authenticator app, then enter the 6-digit code the app shows.',
  tfa_totp_verify_description: 'Enter the 6-digit code your authenticator app shows.',
  tfa_email_code_description: 'We sent a code to %email. Enter it below.',
  tfa_qr_code_alt: 'QR code to scan with your authenticator app',
  tfa_no_method: 'None of the verification methods of your account can be used here. Please contact support.',
  tfa_registration_expired: 'The verification has expired. Please try again.',
  remember_device: 'Remember this device',
} as const
