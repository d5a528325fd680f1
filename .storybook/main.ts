import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // The library build settings of vite.config.ts are not for Storybook; the stories read the shared
    // API fixtures that live beside the repository.
    if (viteConfig.build) delete viteConfig.build.lib
    viteConfig.server = { ...viteConfig.server, fs: { ...viteConfig.server?.fs, allow: ['..'] } }
    return viteConfig
  },
}

export default config
