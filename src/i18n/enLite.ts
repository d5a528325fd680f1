/**
 * The English messages of the newsletter form (`LiteSubscribe`, `useLiteSubscribe`): registered by
 * `useLiteSubscribe`'s module, so a page without the newsletter form does not carry them. Every other
 * language's catalog holds them like any message.
 */
export const enLite = {
  subscription_pending_confirmation: 'Please check your inbox to confirm your subscription',
  subscription_thank_you: 'Thank you for subscribing!',
  subscription_updated: 'Your subscriptions have been updated.',
  choose_a_subscription: 'Please choose at least one newsletter',
  subscribe_title: 'Stay in touch',
  subscribe_to: 'Subscribe to %list',
  submit_subscribe: 'Subscribe',
  thank_you_title: 'Thank you',
  subscribe_again: 'Subscribe another address',
} as const
