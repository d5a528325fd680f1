import { DEFAULT_POLICIES } from './siteConfig'
import type { SiteConfig } from './types'

/**
 * The site the emulator serves when given none: its schema exercises every field type, required
 * fields, a regex format, a `"true"` format, a server-only field, a subscription with double opt-in
 * and one without, and a required consent. Its keys are public on purpose: it is for development.
 */
export const DEFAULT_SITE: SiteConfig = {
  apiKey: '3_screensets_dev',
  userKey: 'dev-user-key',
  secret: 'dev-secret-change-me',
  captchaTestToken: 'test-captcha-pass',
  schema: {
    profileSchema: {
      dynamicSchema: false,
      fields: {
        email: { type: 'string', required: true, format: "regex('')", allowNull: true, writeAccess: 'clientModify' },
        firstName: { type: 'string', required: true, allowNull: true, writeAccess: 'clientModify' },
        lastName: { type: 'basic-string', required: false, allowNull: true, writeAccess: 'clientModify' },
        birthYear: { type: 'long', required: false, allowNull: true, writeAccess: 'clientModify' },
        gender: {
          type: 'string',
          required: false,
          format: "regex('^[fmu]{1}$')",
          allowNull: true,
          writeAccess: 'clientModify',
        },
        zip: {
          type: 'string',
          required: true,
          format: "regex('^[0-9]{5}$')",
          allowNull: true,
          writeAccess: 'clientModify',
        },
        country: { type: 'string', required: false, allowNull: true, writeAccess: 'clientModify' },
        bio: { type: 'text', required: false, allowNull: true, writeAccess: 'clientModify' },
        photoURL: { type: 'string', required: false, allowNull: true, writeAccess: 'serverOnly' },
      },
    },
    dataSchema: {
      dynamicSchema: false,
      fields: {
        terms: { type: 'boolean', required: true, format: 'true', allowNull: true, writeAccess: 'clientModify' },
        favoriteTeam: { type: 'string', required: false, allowNull: true, writeAccess: 'clientModify' },
        shoeSize: { type: 'float', required: false, allowNull: true, writeAccess: 'clientModify' },
        householdSize: { type: 'integer', required: false, allowNull: true, writeAccess: 'clientCreate' },
        memberSince: { type: 'date', required: false, allowNull: true, writeAccess: 'clientModify' },
        'loyalty.points': { type: 'long', required: false, allowNull: true, writeAccess: 'serverOnly' },
      },
    },
    subscriptionsSchema: {
      fields: {
        newsletter: {
          email: {
            type: 'subscription',
            required: false,
            doubleOptIn: true,
            description: 'Weekly newsletter',
            enableConditionalDoubleOptIn: false,
          },
        },
        offers: {
          email: {
            type: 'subscription',
            required: false,
            doubleOptIn: false,
            description: 'Partner offers',
            enableConditionalDoubleOptIn: false,
          },
        },
      },
    },
    preferencesSchema: {
      fields: {
        'terms.tos': {
          type: 'consent',
          required: true,
          format: 'true',
          writeAccess: 'clientModify',
          customData: [],
          currentDocDate: '2026-01-17T00:00:00Z',
          minDocDate: '2026-01-17T00:00:00Z',
        },
      },
    },
  },
  // SAP's defaults for a new site, which already exercise the email login and a password policy.
  policies: structuredClone(DEFAULT_POLICIES),
}
