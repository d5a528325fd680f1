// A local stand-in for Arkose Labs' v2 client API (`/v2/<publicKey>/api.js`), with the surface the adapter
// calls: the global function its tag names in `data-callback` receives the enforcement object;
// `setConfig` merges the configuration and, in inline mode, shows the challenge in `selector`, as
// `reset()` does again with a new session; `run()` shows it too. The challenge has "Solve" and "Fail"
// buttons calling `onCompleted` / `onFailed`; tests raise Arkose's own errors with `error(code)`.
;(() => {
  const script = document.currentScript
  const fake = (window.__fakeArkose ??= { loads: 0 })
  fake.loads += 1
  let config = {}
  let session = 1

  function show() {
    const host = document.querySelector(config.selector)
    if (!host) return config.onError?.({ error: { error: 'ELEMENT_NOT_FOUND' } })
    const challenge = document.createElement('div')
    Object.assign(challenge.dataset, { fakeArkose: '', language: config.language, session })
    const button = (label, onClick) => {
      const element = document.createElement('button')
      element.type = 'button'
      element.textContent = label
      element.addEventListener('click', onClick)
      challenge.append(element)
    }
    const token = `arkose-token-${session}`
    button('Solve', () => config.onCompleted?.({ token, completed: true }))
    button('Fail', () => config.onFailed?.({ token }))
    host.replaceChildren(challenge)
    config.onReady?.()
  }

  const enforcement = {
    setConfig(update) {
      config = { ...config, ...update }
      if (config.mode === 'inline' && config.selector) setTimeout(show)
    },
    getConfig: () => config,
    run: () => setTimeout(show),
    reset() {
      session += 1
      config.onReset?.()
      if (config.mode === 'inline') setTimeout(show)
    },
  }
  fake.error = (code) => config.onError?.({ error: { error: code } })
  setTimeout(() => window[script.dataset.callback](enforcement))
})()
