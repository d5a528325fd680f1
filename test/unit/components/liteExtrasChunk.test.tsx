import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest'
import { LiteSubscribe } from '../../../src'
import type { LiteExtraFields } from '../../../src/schema/deriveLiteFields'
import { liteExtraFields } from '../../../src/schema/liteExtraFields'
import { renderWithEmulator } from '../../support/renderScreenSet'

// The general field resolver that a newsletter form needs only for extra `fields` is a chunk of its
// own; here a controllable loader plays it.
const chunk = vi.hoisted(() => ({ load: undefined as unknown as Mock<() => Promise<LiteExtraFields>> }))
vi.mock('../../../src/schema/loadLiteExtras', () => {
  chunk.load = vi.fn()
  return { loadLiteExtras: () => chunk.load() }
})

afterEach(() => chunk.load.mockReset())

const root = () => document.querySelector('[data-screenset="lite"]') as HTMLElement

describe('the extra fields of <LiteSubscribe> load on demand', () => {
  it('never loads the resolver for a form without extra fields', async () => {
    await renderWithEmulator(<LiteSubscribe />)
    await screen.findByLabelText(/^Email/)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(chunk.load).not.toHaveBeenCalled()
  })

  it('asks for it as the form mounts, beside the schema, and shows the form with the field once it is in', async () => {
    let arrive!: (value: LiteExtraFields) => void
    chunk.load.mockReturnValue(new Promise<LiteExtraFields>((resolve) => (arrive = resolve)))
    await renderWithEmulator(<LiteSubscribe fields={['profile.firstName']} />)
    await waitFor(() => expect(chunk.load).toHaveBeenCalled())
    expect(screen.getByRole('status')).toHaveTextContent('Loading…')
    expect(screen.queryByLabelText(/^Email/)).toBeNull()
    arrive(liteExtraFields)
    expect(await screen.findByLabelText(/^First name/)).toHaveAttribute('name', 'profile.firstName')
  })

  it('shows the load error with "Try again" when the chunk cannot load, and the field once it can', async () => {
    const user = userEvent.setup()
    chunk.load.mockRejectedValue(new TypeError('Failed to fetch dynamically imported module'))
    await renderWithEmulator(<LiteSubscribe fields={['profile.firstName']} />)
    await screen.findByRole('button', { name: 'Try again' })
    expect(root().dataset.screen).toBe('error')
    expect(screen.queryByLabelText(/^Email/)).toBeNull()

    chunk.load.mockResolvedValue(liteExtraFields)
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByLabelText(/^First name/)).toHaveAttribute('name', 'profile.firstName')
    expect(screen.getByLabelText(/^Email/)).toBeInTheDocument()
  })
})
