import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)

/** axe-core over the whole page in Chromium: WCAG 2.x A/AA and best practices, as `{ id, nodes }` per violation. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; nodes: number }>> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }>
        }
      }
    ).axe
    return axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] })
  })
  return result.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.length }))
}
