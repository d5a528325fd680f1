// Peer page: react-jsonschema-form (@rjsf/core + the ajv8 validator) with the same 6 fields.
import Form from '@rjsf/core'
import type { RJSFSchema } from '@rjsf/utils'
import validator from '@rjsf/validator-ajv8'
import { createRoot } from 'react-dom/client'

const schema: RJSFSchema = {
  type: 'object',
  required: ['email', 'password', 'passwordRetype', 'firstName', 'lastName', 'zip'],
  properties: {
    email: { type: 'string', format: 'email', title: 'Email' },
    password: { type: 'string', minLength: 8, pattern: '\\d', title: 'Password' },
    passwordRetype: { type: 'string', title: 'Confirm password' },
    firstName: { type: 'string', title: 'First name' },
    lastName: { type: 'string', title: 'Last name' },
    zip: { type: 'string', pattern: '^\\d{5}$', title: 'ZIP code' },
  },
}

async function register(values: Record<string, string>) {
  const body = new URLSearchParams({ apiKey: '3_abc', format: 'json', ...values })
  await fetch('https://accounts.eu1.gigya.com/accounts.register', { method: 'POST', body })
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <Form
    schema={schema}
    uiSchema={{ password: { 'ui:widget': 'password' }, passwordRetype: { 'ui:widget': 'password' } }}
    validator={validator}
    onSubmit={({ formData }) => void register(formData as Record<string, string>)}
  />,
)
