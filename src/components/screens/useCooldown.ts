import { useEffect, useState } from 'react'

/**
 * The whole seconds left until `availableAt` (epoch ms), counted down once a second, and whether a
 * countdown ran out while this screen was shown (`ended`): the moment worth telling the user, as
 * opposed to each passing second. A new `availableAt` starts afresh.
 */
export function useCooldown(availableAt: number | undefined): { secondsLeft: number; ended: boolean } {
  const [clock, setClock] = useState(() => ({ now: Date.now(), endedAt: undefined as number | undefined }))

  useEffect(() => {
    if (availableAt === undefined) return
    let timer: ReturnType<typeof setInterval> | undefined
    const tick = () => {
      const now = Date.now()
      const over = now >= availableAt
      // Only a countdown that ran here "ends"; one that was over before the screen showed says nothing.
      setClock((last) => ({ now, endedAt: over && timer !== undefined ? availableAt : last.endedAt }))
      if (over) clearInterval(timer)
    }
    // The first tick at once: the clock may be from an earlier countdown.
    const first = setTimeout(() => {
      tick()
      if (Date.now() < availableAt) timer = setInterval(tick, 1000)
    }, 0)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [availableAt])

  const left = availableAt === undefined ? 0 : Math.ceil((availableAt - clock.now) / 1000)
  return { secondsLeft: Math.max(0, left), ended: availableAt !== undefined && clock.endedAt === availableAt }
}
