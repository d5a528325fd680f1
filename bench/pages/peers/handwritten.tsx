// Peer page: the 6-field sign-up form one writes by hand with react-hook-form, zod and TanStack Query
// (the issue's reference: "a hand-written 6-field form"), calling accounts.register over fetch.
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query'
import { useForm, type Resolver } from 'react-hook-form'
import { createRoot } from 'react-dom/client'
import { z } from 'zod'

const schema = z
  .object({
    email: z.email('Enter a valid email'),
    password: z.string().min(8, 'At least 8 characters').regex(/\d/, 'At least one digit'),
    passwordRetype: z.string(),
    firstName: z.string().min(1, 'Required'),
    lastName: z.string().min(1, 'Required'),
    zip: z.string().regex(/^\d{5}$/, 'Five digits'),
  })
  .refine((values) => values.password === values.passwordRetype, {
    path: ['passwordRetype'],
    message: 'Passwords do not match',
  })
type Values = z.infer<typeof schema>

const resolver: Resolver<Values> = async (values) => {
  const result = schema.safeParse(values)
  if (result.success) return { values: result.data, errors: {} }
  const errors: Record<string, { type: string; message: string }> = {}
  for (const issue of result.error.issues)
    errors[String(issue.path[0])] ??= { type: issue.code, message: issue.message }
  return { values: {}, errors }
}

async function register(values: Values) {
  const body = new URLSearchParams({
    apiKey: '3_abc',
    format: 'json',
    email: values.email,
    password: values.password,
    profile: JSON.stringify({ firstName: values.firstName, lastName: values.lastName, zip: values.zip }),
  })
  const response = await fetch('https://accounts.eu1.gigya.com/accounts.register', { method: 'POST', body })
  const data = (await response.json()) as { errorCode: number; errorMessage?: string }
  if (data.errorCode !== 0) throw new Error(data.errorMessage)
  return data
}

const fields = [
  ['email', 'Email', 'email'],
  ['password', 'Password', 'password'],
  ['passwordRetype', 'Confirm password', 'password'],
  ['firstName', 'First name', 'text'],
  ['lastName', 'Last name', 'text'],
  ['zip', 'ZIP code', 'text'],
] as const

function SignUp() {
  const { register: field, handleSubmit, formState } = useForm<Values>({ resolver })
  const mutation = useMutation({ mutationFn: register })
  if (mutation.isSuccess) return <p>Welcome!</p>
  return (
    <form onSubmit={handleSubmit((values) => mutation.mutate(values))} noValidate>
      {fields.map(([name, label, type]) => (
        <p key={name}>
          <label htmlFor={name}>{label}</label>
          <input id={name} type={type} aria-invalid={formState.errors[name] ? true : undefined} {...field(name)} />
          {formState.errors[name] && <span role="alert">{formState.errors[name].message}</span>}
        </p>
      ))}
      {mutation.error && <p role="alert">{mutation.error.message}</p>}
      <button type="submit" disabled={mutation.isPending}>
        Create account
      </button>
    </form>
  )
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <QueryClientProvider client={new QueryClient()}>
    <SignUp />
  </QueryClientProvider>,
)
