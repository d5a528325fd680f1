/**
 * The English messages of the profile screen-set (`ProfileScreenSet`, `useProfileScreenSet`):
 * registered by `useProfileScreenSet`'s module, so a page without it does not carry them. Every other
 * language's catalog holds them like any message.
 */
export const enProfile = {
  profile_nav_label: 'Account settings',
  profile_nav_update_profile: 'Profile',
  profile_nav_change_password: 'Password',
  profile_nav_communication: 'Communication',
  profile_nav_privacy: 'Privacy',
  profile_nav_change_email: 'Email address',
  update_profile_title: 'Your profile',
  submit_save: 'Save changes',
  profile_saved: 'Your changes have been saved.',
  change_password_title: 'Change your password',
  password_saved: 'Your password has been changed.',
  communication_title: 'Communication preferences',
  communication_description: 'Choose the emails you want to receive.',
  privacy_title: 'Privacy',
  privacy_description: 'What you agreed to, and the version you agreed to.',
  consent_version: 'Version of %date',
  consent_needs_review: 'This document has changed since you agreed to it. Please review it.',
  consent_required_note: 'Consents marked * are required to use your account: they cannot be withdrawn here.',
  change_email_title: 'Change your email address',
  change_email_description: 'Enter your new email address. We will send a code to it to make sure it is yours.',
  change_email_current: 'Your email address is %email.',
  change_email_code_description: 'We sent a code to %email. Enter it below to confirm your new email address.',
  new_email: 'New email address',
  submit_send_code: 'Send the code',
  use_another_email: 'Use another email address',
  email_saved: 'Your email address has been changed.',
  profile_signed_out_title: 'Your account',
  unauthorized_user: 'You are not signed in. Log in to manage your account.',
  account_load_error: 'Your account could not be loaded.',
} as const
