import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderScreens, root } from './fakeRegistrationApi'

// Each on-demand group records when it is imported; the verification group arrives only once its
// gate opens. One module graph per file (React.lazy keeps what it loaded), and a group imported
// again while its mock is pending would bypass the mock, so the gated group is never preloaded here.
const chunks = vi.hoisted(() => {
  let open = () => {}
  const gate = new Promise<void>((resolve) => (open = resolve))
  return { loaded: [] as string[], gate, open }
})
vi.mock('../../../src/components/screens/passwordScreens', async (importOriginal) => {
  chunks.loaded.push('password')
  return importOriginal()
})
vi.mock('../../../src/components/screens/verificationScreens', async (importOriginal) => {
  chunks.loaded.push('verification')
  await chunks.gate
  return importOriginal()
})

/** Lets a started import reach the module loader (and so the mocks above). */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)))

describe('the screens after the first load on demand', () => {
  it('loads the password screens on hover of "Forgot password?", before the click', async () => {
    const user = userEvent.setup()
    const view = renderScreens({ screen: 'register' })
    expect(screen.getByRole('heading', { name: 'Create your account' })).not.toHaveFocus()
    view.show({ screen: 'login' })
    expect(screen.getByRole('heading', { name: 'Log in' })).toHaveFocus()
    await settle()
    expect(chunks.loaded).toEqual([])

    const link = screen.getByRole('button', { name: 'Forgot password?' })
    expect(link).toHaveAttribute('data-forgot-password')
    await user.hover(link)
    await settle()
    expect(chunks.loaded).toEqual(['password'])
    await user.click(link)
    expect(view.goTo).toHaveBeenCalledWith('forgot-password')
    view.show({ screen: 'forgot-password' })
    expect(await screen.findByRole('heading', { name: 'Forgot your password?' })).toHaveFocus()
    expect(chunks.loaded).toEqual(['password'])
  })

  it('shows a status inside the root while a screen loads, the root naming it, then focuses its heading', async () => {
    const view = renderScreens({ screen: 'login' })
    view.show({ screen: 'verification-pending', state: { verification: { emails: ['ada@example.com'] } } })
    await screen.findByText('Loading the next step…')
    expect(within(root()).getByRole('status')).toHaveTextContent('Loading the next step…')
    expect(root().dataset.screen).toBe('verification-pending')
    expect(screen.queryByRole('heading')).toBeNull()
    chunks.open()
    expect(await screen.findByRole('heading', { name: 'Check your inbox' })).toHaveFocus()
    expect(screen.queryByText('Loading the next step…')).toBeNull()
    expect(chunks.loaded).toContain('verification')
  })
})

describe('the chunks', () => {
  const components = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/components')
  const source = (file: string) => readFileSync(file, 'utf8')
  const resolveImport = (from: string, specifier: string) => {
    const base = resolve(dirname(from), specifier)
    for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
      try {
        readFileSync(candidate)
        return candidate
      } catch {
        // not this one
      }
    }
    return undefined
  }
  /** Our modules reached from `entry` by static imports and re-exports only. */
  function staticGraph(entry: string): Set<string> {
    const seen = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      for (const [, specifier] of source(file).matchAll(/^(?:import|export)\s[^'"()]*?from\s+'(\.[^']+)'/gm)) {
        const target = resolveImport(file, specifier as string)
        if (target) visit(target)
      }
    }
    visit(entry)
    return seen
  }

  it('keeps each group in its own module, reached only by a dynamic import', () => {
    const initial = [...staticGraph(`${components}/RegistrationScreenSet.tsx`)].map((file) =>
      file.slice(components.length + 1),
    )
    expect(initial).toContain('screens/entryScreens.tsx')
    expect(initial).not.toContain('screens/passwordScreens.tsx')
    expect(initial).not.toContain('screens/verificationScreens.tsx')
    const groups = source(`${components}/screens/screenGroups.ts`)
    expect(groups).toMatch(/import\('\.\/passwordScreens'\)/)
    expect(groups).toMatch(/import\('\.\/verificationScreens'\)/)
  })
})
